package vn.cantho.ioc.api.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Locale;
import java.util.function.Supplier;
import vn.cantho.ioc.api.auth.Access;
import vn.cantho.ioc.api.auth.AuthFilter;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.EntityTags;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.api.http.RequestBody;
import vn.cantho.ioc.model.json.StrictJson;
import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.LiveRegistry;
import vn.cantho.ioc.store.registry.RegistryVersion;
import vn.cantho.ioc.store.registry.VersionConflictException;

/**
 * Changing the device registry while the hub runs (admin only): {@code PUT}/{@code DELETE
 * /api/v1/devices/{id}}, {@code PUT /api/v1/areas/{code}}, and {@code GET /api/v1/registry} for the
 * version in force. The version is the entity tag; a change with an {@code If-Match} naming an older
 * version is refused with 412, so two admins cannot overwrite each other. See docs/registry.md.
 */
public final class RegistryAdminRoutes {

    /** A response to a change: the new version and what it changed. */
    public record ChangeResponse(long version, String change, String changedBy, Object item) {}

    /** The version in force. */
    public record VersionResponse(long version) {}

    private final LiveRegistry registry;
    private final RegistryBackend editor;

    public RegistryAdminRoutes(LiveRegistry registry, RegistryBackend editor) {
        this.registry = registry;
        this.editor = editor;
    }

    public void register(JavalinDefaultRouting router) {
        router.get("/api/v1/registry", this::version, Access.READ);
        router.put("/api/v1/devices/{id}", this::putDevice, Access.ADMIN);
        router.delete("/api/v1/devices/{id}", this::removeDevice, Access.ADMIN);
        router.put("/api/v1/areas/{code}", this::putArea, Access.ADMIN);
    }

    private void version(Context ctx) {
        long version = registry.version();
        ctx.header("ETag", EntityTags.etag(version)).json(new VersionResponse(version));
    }

    private void putDevice(Context ctx) {
        Device device = read(ctx, Device.class);
        String id = ctx.pathParam("id");
        if (!id.equals(device.id())) {
            throw new ApiException(
                    ErrorCode.BAD_BODY, "body id '" + device.id() + "' differs from the path's '" + id + "'");
        }
        answer(ctx, () -> editor.putDevice(basedOn(ctx), device, actor(ctx)), device);
    }

    private void removeDevice(Context ctx) {
        String id = ctx.pathParam("id");
        if (registry.get().device(id).isEmpty()) {
            throw new ApiException(ErrorCode.UNKNOWN_DEVICE, "no device '" + id + "'");
        }
        answer(ctx, () -> editor.removeDevice(basedOn(ctx), id, actor(ctx)), null);
    }

    private void putArea(Context ctx) {
        Area area = read(ctx, Area.class);
        String code = ctx.pathParam("code");
        if (!code.equals(area.code())) {
            throw new ApiException(
                    ErrorCode.BAD_BODY, "body code '" + area.code() + "' differs from the path's '" + code + "'");
        }
        answer(ctx, () -> editor.putArea(basedOn(ctx), area, actor(ctx)), area);
    }

    private void answer(Context ctx, Supplier<RegistryVersion> change, Object item) {
        try {
            RegistryVersion saved = change.get();
            ctx.header("ETag", EntityTags.etag(saved.version()))
                    .json(new ChangeResponse(saved.version(), saved.change(), saved.changedBy(), item));
        } catch (VersionConflictException e) {
            ctx.header("ETag", EntityTags.etag(e.current()));
            throw new ApiException(ErrorCode.VERSION_MISMATCH, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_REGISTRY_CHANGE, e.getMessage());
        }
    }

    /** The version the change is based on: the {@code If-Match} version, or the one in force without one. */
    private long basedOn(Context ctx) {
        Long ifMatch = EntityTags.ifMatch(ctx.header("If-Match"));
        return ifMatch != null ? ifMatch : registry.version();
    }

    private static String actor(Context ctx) {
        return AuthFilter.principal(ctx).actor();
    }

    /** The body as a {@code type}, read strictly ({@link StrictJson}): nothing is written unless it is exactly one. */
    private static <T> T read(Context ctx, Class<T> type) {
        String what = type.getSimpleName().toLowerCase(Locale.ROOT);
        try {
            JsonNode tree = StrictJson.tree(RequestBody.bytes(ctx));
            if (tree == null || !tree.isObject()) {
                throw new ApiException(ErrorCode.BAD_BODY, "a JSON object describing the " + what + " is required");
            }
            return StrictJson.value(tree, type);
        } catch (StrictJson.Invalid e) {
            throw new ApiException(ErrorCode.BAD_BODY, "not a valid " + what + ": " + e.getMessage());
        }
    }
}
