"""Every sitrep spaCy component, registered by importing this one module.

The components live in their own modules (one job each); importing them here runs their
`@Language.factory` registrations, so `build_nlp` and any user config can name them.
"""
from __future__ import annotations

from sitrep.nlp import actors, arbiter, places, quantities, quotes, times
from sitrep.nlp.extensions import register_extensions

FACTORIES = {
    module.FACTORY_NAME: module for module in (actors, places, arbiter, times, quantities, quotes)
}

register_extensions()
