package vn.cantho.ioc.store.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.store.StoreException;

/**
 * Stores versions of the device registry (table {@code registry_version}). A new version is written
 * only on top of the version the writer read ({@link #save}), so two admins editing at once cannot
 * silently overwrite each other: the second gets {@link VersionConflictException}.
 */
public final class RegistryStore {

    private final DataSource dataSource;

    public RegistryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The newest stored version; empty while the shipped files are still in use. */
    public Optional<RegistryVersion> latest() {
        String sql = "SELECT version, areas, devices, changed_by, change, changed_at FROM registry_version"
                + " ORDER BY version DESC LIMIT 1";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new RegistryVersion(
                    rs.getLong(1),
                    new DeviceRegistry(
                            Json.mapper().readValue(rs.getString(2), new TypeReference<List<Area>>() {}),
                            Json.mapper().readValue(rs.getString(3), new TypeReference<List<Device>>() {})),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant()));
        } catch (SQLException e) {
            throw StoreException.wrap("read the device registry", e);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored device registry is unreadable: " + e.getMessage(), e);
        }
    }

    /** The newest version number; 0 while the shipped files are in use. */
    public long latestVersion() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT coalesce(max(version), 0) FROM registry_version");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw StoreException.wrap("read the device registry version", e);
        }
    }

    /**
     * Stores {@code registry} as version {@code basedOn + 1}.
     *
     * @throws VersionConflictException if the newest version is no longer {@code basedOn}
     */
    public RegistryVersion save(long basedOn, DeviceRegistry registry, String changedBy, String change) {
        String sql = "INSERT INTO registry_version (version, areas, devices, changed_by, change)"
                + " SELECT ?, ?, ?, ?, ? WHERE (SELECT coalesce(max(version), 0) FROM registry_version) = ?"
                + " ON CONFLICT (version) DO NOTHING RETURNING changed_at";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, basedOn + 1);
            statement.setObject(2, Json.mapper().writeValueAsString(new ArrayList<>(registry.areas())), Types.OTHER);
            statement.setObject(3, Json.mapper().writeValueAsString(new ArrayList<>(registry.devices())), Types.OTHER);
            statement.setString(4, changedBy);
            statement.setString(5, change);
            statement.setLong(6, basedOn);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new VersionConflictException(basedOn, latestVersion());
                }
                return new RegistryVersion(
                        basedOn + 1,
                        registry,
                        changedBy,
                        change,
                        rs.getTimestamp(1).toInstant());
            }
        } catch (SQLException e) {
            throw StoreException.wrap("store the device registry", e);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot serialise the device registry: " + e.getMessage(), e);
        }
    }
}
