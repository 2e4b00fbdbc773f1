"""What every domain stands on and none of them owns: settings, the database (engine,
sessions, models), Redis, the clock and local time, translations, domain errors, input
validation, logs and metrics, start-up waits, health checks, the message queue and the
scheduler that runs the jobs the domains declare."""
