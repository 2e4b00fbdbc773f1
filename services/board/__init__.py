"""The week board and month calendar of the Mini App: read models over planning and
exchange, with labour cost where the viewer may see money."""
