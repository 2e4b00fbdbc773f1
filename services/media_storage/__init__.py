"""Media storage backends (Telegram, MinIO/S3) behind one `MediaStorageClient` contract."""
