"""Work objects: addresses, geofences and geocoding, working hours, timezones."""
