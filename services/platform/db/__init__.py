"""Data layer: the SQLAlchemy engine, sessions and typed models."""
