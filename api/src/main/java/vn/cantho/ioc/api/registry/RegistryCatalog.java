package vn.cantho.ioc.api.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.Domain;
import vn.cantho.ioc.model.registry.Metric;

/** Answers the reference-data endpoints from the device registry in force and the metric registry. */
public final class RegistryCatalog {

    private final Supplier<DeviceRegistry> registry;

    public RegistryCatalog(Supplier<DeviceRegistry> registry) {
        this.registry = registry;
    }

    public List<AreaView> areas() {
        return registry.get().areas().stream().map(AreaView::of).toList();
    }

    public AreaView area(String code) {
        return registry.get().area(code).map(AreaView::of).orElseThrow(() -> unknownArea(code));
    }

    /** Devices, optionally only those in one area and of one domain. */
    public List<DeviceView> devices(Optional<String> areaCode, Optional<String> domainId) {
        areaCode.ifPresent(this::area);
        Optional<Domain> domain = domainId.map(RegistryCatalog::domain);
        return registry.get().devices().stream()
                .filter(d -> areaCode.isEmpty() || areaCode.get().equals(d.areaCode()))
                .filter(d -> domain.isEmpty() || domain.get() == d.domain())
                .map(DeviceView::of)
                .toList();
    }

    public DeviceView device(String id) {
        return registry.get()
                .device(id)
                .map(DeviceView::of)
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_DEVICE, "no device '" + id + "'"));
    }

    /** Metrics, optionally only those of one domain. */
    public List<MetricView> metrics(Optional<String> domainId) {
        Optional<Domain> domain = domainId.map(RegistryCatalog::domain);
        return Arrays.stream(Metric.values())
                .filter(m -> domain.isEmpty() || domain.get() == m.domain())
                .map(MetricView::of)
                .toList();
    }

    private static ApiException unknownArea(String code) {
        return new ApiException(ErrorCode.UNKNOWN_AREA, "no area '" + code + "'");
    }

    private static Domain domain(String id) {
        try {
            return Domain.of(id);
        } catch (IllegalArgumentException e) {
            String known = Arrays.stream(Domain.values()).map(Domain::id).collect(Collectors.joining(", "));
            throw ApiException.badParameter("domain", "unknown domain '" + id + "' (expected one of " + known + ")");
        }
    }
}
