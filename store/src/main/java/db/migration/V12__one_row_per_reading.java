package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.cantho.ioc.store.ReadingSchema;

/**
 * Raw data one row per reading instead of one per metric value, with {@code observations} kept as a view. Java
 * because the SQL branches by dialect; the statements are in {@link ReadingSchema}.
 */
public class V12__one_row_per_reading extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        ReadingSchema.create(context.getConnection());
    }
}
