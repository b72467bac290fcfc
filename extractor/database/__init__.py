"""Load report records into a database: DuckDB embedded by default, PostgreSQL for shared use.

`schema` derives the tables from the record models, `flatten` turns reports into Arrow
batches, `sinks` holds the sink interface and registry (`duckdb_sink`, `postgres_sink`),
`load` reads report JSONs and drives a sink.
"""
