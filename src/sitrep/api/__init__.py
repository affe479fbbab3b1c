"""REST API: `create_app(db_path, enable_ingest=False)` builds the FastAPI app over a store.

Endpoints (all JSON, OpenAPI schema at /openapi.json, interactive docs at /docs):
    GET /api/documents, /api/documents/{id}, /api/events, /api/events/{id},
        /api/stories, /api/stories/{id}, /api/claims, /api/actors, /api/places
    POST /api/ingest (only with enable_ingest)
Lists answer {items, total, limit, offset}. The web UI (sitrep/web/static) is served at /.
"""
from sitrep.api.app import create_app

__all__ = ["create_app"]
