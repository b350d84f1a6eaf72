package vn.cantho.ioc.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.Metric;

/**
 * What each sensor type of the registry measures, as a pure function of the seed, the device and the instant:
 * asking twice gives the same answer, whatever the cadence. Values are limited to the device's metrics,
 * rounded as real instruments report them, and always inside the metric's accepted range.
 */
public final class SensorModels {

    public static final String AIR_STATION = "air_station";
    public static final String WATER_GAUGE = "water_gauge";
    public static final String WATER_QUALITY = "water_quality";
    public static final String TRAFFIC_COUNTER = "traffic_counter";
    public static final String TRAFFIC_CAMERA = "traffic_camera";
    public static final String VISITOR_COUNTER = "visitor_counter";
    /** The device types the simulator has a model for. */
    public static final Set<String> TYPES =
            Set.of(AIR_STATION, WATER_GAUGE, WATER_QUALITY, TRAFFIC_COUNTER, TRAFFIC_CAMERA, VISITOR_COUNTER);

    private final long seed;
    private final Incidents incidents;
    private final AirQualityModel air;
    private final WaterLevelModel waterLevel;
    private final WaterQualityModel waterQuality;
    private final TrafficModel traffic;
    private final VisitorModel visitors;

    /**
     * @param seed                the same seed gives the same values and incidents
     * @param incidentProbability chance that a device has an incident in one incident window (0 = never)
     */
    public SensorModels(long seed, double incidentProbability) {
        Noise noise = new Noise(seed);
        Weather weather = new Weather(noise);
        this.seed = seed;
        this.incidents = new Incidents(noise, incidentProbability);
        this.air = new AirQualityModel(noise, weather);
        this.waterLevel = new WaterLevelModel(noise);
        this.waterQuality = new WaterQualityModel(noise, weather, waterLevel);
        this.traffic = new TrafficModel(noise);
        this.visitors = new VisitorModel(noise);
    }

    public long seed() {
        return seed;
    }

    public double incidentProbability() {
        return incidents.probability();
    }

    public static boolean supports(Device device) {
        return TYPES.contains(device.type());
    }

    /** The incident kind a device type can have, if any. */
    public static Optional<Incident.Kind> incidentKind(Device device) {
        return switch (device.type()) {
            case AIR_STATION -> Optional.of(Incident.Kind.PM25_SPIKE);
            case WATER_GAUGE -> Optional.of(Incident.Kind.RIVER_RISE);
            case TRAFFIC_COUNTER, TRAFFIC_CAMERA -> Optional.of(Incident.Kind.TRAFFIC_JAM);
            default -> Optional.empty();
        };
    }

    /** The incident {@code device} is in at {@code at}, if any. */
    public Optional<Incident> incident(Device device, Instant at) {
        return incidentKind(device).flatMap(kind -> incidents.at(kind, device.id(), at));
    }

    /**
     * What {@code device} reports at {@code at}; counts are of the {@code interval} since its previous message.
     *
     * @throws IllegalArgumentException for a device type without a model
     */
    public Map<String, Double> reading(Device device, Instant at, Duration interval) {
        Incident incident = incident(device, at).orElse(null);
        Map<String, Double> raw =
                switch (device.type()) {
                    case AIR_STATION -> air.values(device, at, incident);
                    case WATER_GAUGE -> Map.of("water_level", waterLevel.value(device.id(), at, incident));
                    case WATER_QUALITY -> waterQuality.values(device, at);
                    case TRAFFIC_COUNTER, TRAFFIC_CAMERA -> traffic.values(device, at, interval, incident);
                    case VISITOR_COUNTER -> visitors.values(device, at, interval);
                    default ->
                        throw new IllegalArgumentException("no simulation model for device type " + device.type());
                };
        Map<String, Double> values = new LinkedHashMap<>();
        for (String metricId : device.metrics()) {
            Double value = raw.get(metricId);
            Optional<Metric> metric = Metric.byId(metricId);
            if (value != null && metric.isPresent()) {
                values.put(metricId, reported(metric.get(), value));
            }
        }
        return values;
    }

    /** Rounded to the instrument's resolution and clamped into the metric's accepted range. */
    static double reported(Metric metric, double value) {
        int decimals =
                switch (metric) {
                    case WATER_LEVEL, PH, DISSOLVED_OXYGEN -> 2;
                    case CO, VEHICLE_COUNT, VISITOR_COUNT -> 0;
                    default -> 1;
                };
        double rounded = BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
        return Math.max(metric.min(), Math.min(metric.max(), rounded));
    }
}
