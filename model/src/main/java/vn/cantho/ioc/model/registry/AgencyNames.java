package vn.cantho.ioc.model.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.cantho.ioc.model.json.Json;

/**
 * The names of the agencies that department feeds and KPIs are about (sở, UBND quận/huyện), by the
 * {@code agency_code} the feeds use: reference data for readable alert text, from
 * {@code registry/agencies.json} ({@code {"code", "name", "nameEn"}} per agency).
 */
public final class AgencyNames {

    private static final String BUILT_IN = "/registry/agencies.json";

    /** An agency's Vietnamese and English names. */
    public record Names(String name, String nameEn) {}

    private final Map<String, Names> byCode;

    private AgencyNames(Map<String, Names> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    public Optional<Names> of(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The agencies shipped with the hub; a file without code or name for an agency is refused. */
    public static AgencyNames builtIn() {
        try (InputStream in = AgencyNames.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in registry file " + BUILT_IN);
            }
            Map<String, Names> byCode = new LinkedHashMap<>();
            for (JsonNode agency : Json.mapper().readTree(in).path("agencies")) {
                String code = agency.path("code").asText("");
                String name = agency.path("name").asText("");
                if (code.isBlank() || name.isBlank()) {
                    throw new IllegalStateException(BUILT_IN + ": an agency without code or name: " + agency);
                }
                byCode.put(code, new Names(name, agency.path("nameEn").asText(name)));
            }
            return new AgencyNames(byCode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in registry file " + BUILT_IN, e);
        }
    }
}
