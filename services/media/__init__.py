"""Media rules: where an organization keeps each kind of media and who may view a file
(the storage clients and the orchestrator keep their mission-given paths,
`services/media_storage/` and `services/media_orchestrator.py`)."""
