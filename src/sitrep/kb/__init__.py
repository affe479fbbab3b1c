"""Knowledge as data: the JSONL/JSON files beside this module, and their validating loaders."""
