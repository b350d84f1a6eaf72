package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.cantho.ioc.store.StorageSchema;

/**
 * Raw observations, hourly and daily rollups, retention and compression, in the dialect the server
 * supports: TimescaleDB when the extension is available, plain PostgreSQL otherwise. Java because the
 * SQL branches; the statements are in {@link StorageSchema}.
 */
public class V3__storage_tiers extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        StorageSchema.create(context.getConnection());
    }
}
