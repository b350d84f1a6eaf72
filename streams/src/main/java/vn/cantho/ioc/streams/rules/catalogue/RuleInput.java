package vn.cantho.ioc.streams.rules.catalogue;

import java.util.List;
import vn.cantho.ioc.model.Scope;

/**
 * What a rule reads. Unused fields stay null; {@link CatalogueValidation} says which each source needs.
 *
 * @param source      the input topic
 * @param metric      sensor metric id ({@code telemetry}, {@code aggregate}) or feed metric id ({@code feed})
 * @param indicators  indicator ids from the indicator registry ({@code indicator})
 * @param feeds       feed ids from the feed registry ({@code feed})
 * @param devices     only these devices ({@code telemetry}); empty = every device with the metric
 * @param deviceTypes only devices of these types ({@code telemetry}); empty = any type
 * @param entityField feed field whose value is the alert's entity (e.g. {@code agency_code}); absent = the whole city
 * @param scope       what that entity is ({@code agency}, {@code area}); default {@code city} without an
 *                    entity field, {@code agency} with one
 */
public record RuleInput(
        InputSource source,
        String metric,
        List<String> indicators,
        List<String> feeds,
        List<String> devices,
        List<String> deviceTypes,
        String entityField,
        Scope scope) {

    public RuleInput {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        devices = devices == null ? List.of() : List.copyOf(devices);
        deviceTypes = deviceTypes == null ? List.of() : List.copyOf(deviceTypes);
    }
}
