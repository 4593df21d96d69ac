"""Alembic environment: runs on the engine strikewatch opened (SQLite or PostgreSQL)."""

from alembic import context

from strikewatch.store.schema import Base

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=engine.dialect.name == "sqlite",  # SQLite alters tables by copy
    )
    context.run_migrations()
