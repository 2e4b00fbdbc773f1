"""Reports: figures per object and employee, charts, spreadsheet export, AI insights,
and the owners' daily summary."""
