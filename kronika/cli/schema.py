"""`kronika schema`: print the JSON Schema of kronika's analysis JSON."""
from __future__ import annotations

import json

from ..model import analysis_json_schema


def schema_command() -> None:
    """Print the JSON Schema of the analysis JSON (published in docs/schema/)."""
    print(json.dumps(analysis_json_schema(), ensure_ascii=False, indent=2))
