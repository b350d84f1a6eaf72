package vn.cantho.ioc.streams.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.aggregate.AggregationTopology;
import vn.cantho.ioc.streams.telemetry.TelemetryTopology;

/**
 * The indicators as they run, inside the telemetry topology behind the aggregation's device windows, driven with
 * explicit event times. Expected AQI values are computed by hand from
 * Decision 1459/QĐ-TCMT (PM2.5: 0–25 µg/m³ → 0–50, 25–50 → 50–100; PM10: 0–50 → 0–50).
 */
class IndicatorTopologyTest {

    /** 07:00 in Cần Thơ. */
    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

    private static final Duration GRACE = Duration.ofMinutes(10);
    /** The aggregation's grace (its default): only readings it counts reach the hours. */
    private static final Duration AGGREGATE_GRACE = Duration.ofHours(1);

    private static final String STATION = "aq-binh-thuy-01";
    private static final String GAUGE = "wl-can-tho";
    private static final Duration EMIT_INTERVAL = Duration.ofSeconds(1);

    private TopologyTestDriver driver;
    private TestInputTopic<String, Reading> telemetry;
    private TestOutputTopic<String, Indicator> indicators;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private final Map<String, Indicator> latest = new LinkedHashMap<>();

    private final AtomicReference<DeviceRegistry> registry = new AtomicReference<>(DeviceRegistry.builtIn());

    @BeforeEach
    void startDriver() {
        start(FloodAlertLevels.CAN_THO);
    }

    private void start(FloodAlertLevels levels) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "indicator-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, EMIT_INTERVAL.toMillis());
        driver = new TopologyTestDriver(
                TelemetryTopology.build(
                        registry::get,
                        IndicatorRegistry.builtIn(),
                        AGGREGATE_GRACE,
                        Duration.ofHours(1),
                        new IndicatorOptions(GRACE, levels)),
                props);
        telemetry = driver.createInputTopic(
                Topics.TELEMETRY.name(),
                Topics.TELEMETRY.keySerde().serializer(),
                Topics.TELEMETRY.valueSerde().serializer());
        indicators = driver.createOutputTopic(
                Topics.INDICATORS.name(),
                Topics.INDICATORS.keySerde().deserializer(),
                Topics.INDICATORS.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(
                Topics.DEAD_LETTER.name(),
                Topics.DEAD_LETTER.keySerde().deserializer(),
                Topics.DEAD_LETTER.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void hourly_aqi_uses_the_nowcast_of_the_hourly_means_with_category_colour_and_dominant_pollutant() {
        // Given PM2.5 hourly means 20, 30, 42 and PM10 40, 40 in the last two hours
        send(STATION, hour(0).plusSeconds(600), Map.of("pm25", 18.0));
        send(STATION, hour(0).plusSeconds(1200), Map.of("pm25", 22.0));
        send(STATION, hour(1).plusSeconds(600), Map.of("pm25", 30.0, "pm10", 40.0));
        send(STATION, hour(2).plusSeconds(600), Map.of("pm25", 40.0, "pm10", 40.0));
        send(STATION, hour(2).plusSeconds(1800), Map.of("pm25", 44.0));

        // Then PM2.5: w* = 20/42 <= 1/2, NowCast = 42/2 + 30/4 + 20/8 = 31 -> 50 + (31 - 25) * 2 = 62;
        // PM10: w = 1, NowCast 40 -> 40
        Indicator aqi = hourlyAqi(STATION, hour(2));
        assertThat(aqi.value()).isEqualTo(62.0);
        assertThat(aqi.attributes())
                .containsEntry("category", "Trung bình")
                .containsEntry("category_id", "moderate")
                .containsEntry("colour", "#FFFF00")
                .containsEntry("dominant_pollutant", "pm25")
                .containsEntry("sub_index.pm25", "62")
                .containsEntry("sub_index.pm10", "40");
        assertThat(aqi.scope()).isEqualTo(Scope.DEVICE);
        assertThat(aqi.granularity()).isEqualTo(Granularity.HOUR);
        assertThat(aqi.domain()).isEqualTo("environment");
        assertThat(aqi.areaCode()).isEqualTo("binh-thuy");
        assertThat(aqi.periodEnd()).isEqualTo(hour(3));
        assertThat(aqi.computedAt()).isEqualTo(hour(2).plusSeconds(1800));
        assertThat(aqi.attributes()).containsEntry("provisional", "true");
        // Once the station reports from a later hour, the hour is re-published as no longer provisional.
        send(STATION, hour(3).plusSeconds(10), Map.of("pm10", 40.0));
        assertThat(hourlyAqi(STATION, hour(2)).attributes()).containsEntry("provisional", "false");
        assertThat(hourlyAqi(STATION, hour(2)).value()).isEqualTo(62.0);
        // The first hour alone is 1 of the last 3 hours: no NowCast, no AQI.
        assertThat(latest).doesNotContainKey(key(IndicatorTopology.VN_AQI_HOURLY, STATION, Granularity.HOUR, hour(0)));
        // c1 = 30, c2 = 20, w = 2/3: (30 + 2/3 * 20) / (1 + 2/3) = 26 -> 50 + 1 * 2 = 52
        assertThat(hourlyAqi(STATION, hour(1)).value()).isEqualTo(52.0);
    }

    @Test
    void nowcast_across_a_missing_hour_drops_its_weight_without_renormalising() {
        // Given hour 0 at 10 µg/m³, hour 1 without data, hour 2 at 40
        send(STATION, hour(0).plusSeconds(60), Map.of("pm25", 10.0));
        send(STATION, hour(2).plusSeconds(60), Map.of("pm25", 40.0));

        // Then c1 = 40, c2 missing, c3 = 10: 2 of 3 present, w = 1/2, NowCast = 40/2 + 10/8 = 21.25 -> 42.5 -> 43
        assertThat(hourlyAqi(STATION, hour(2)).value()).isEqualTo(43.0);
        // The missing hour itself has only 1 of its last 3 hours (c2 = 10): no AQI
        assertThat(latest).doesNotContainKey(key(IndicatorTopology.VN_AQI_HOURLY, STATION, Granularity.HOUR, hour(1)));
    }

    @Test
    void an_hour_without_data_gets_an_aqi_from_the_two_hours_before_it_once_the_station_reports_again() {
        // Given hours 0 and 1 at 30 µg/m³, nothing in hour 2, a reading in hour 4
        send(STATION, hour(0).plusSeconds(60), Map.of("pm25", 30.0));
        send(STATION, hour(1).plusSeconds(60), Map.of("pm25", 30.0));
        assertThat(latest).doesNotContainKey(key(IndicatorTopology.VN_AQI_HOURLY, STATION, Granularity.HOUR, hour(2)));
        send(STATION, hour(4).plusSeconds(60), Map.of("pm25", 80.0));

        // Then hour 2: c1 missing, c2 = c3 = 30, NowCast 30 -> 60. Hour 3: only c3 present -> none.
        // Hour 4: c1 = 80, c2 and c3 missing -> none.
        assertThat(hourlyAqi(STATION, hour(2)).value()).isEqualTo(60.0);
        assertThat(hourlyAqi(STATION, hour(2)).computedAt()).isEqualTo(hour(4).plusSeconds(60));
        assertThat(latest)
                .doesNotContainKeys(
                        key(IndicatorTopology.VN_AQI_HOURLY, STATION, Granularity.HOUR, hour(3)),
                        key(IndicatorTopology.VN_AQI_HOURLY, STATION, Granularity.HOUR, hour(4)));
    }

    @Test
    void after_hours_of_silence_the_station_republishes_its_last_hour_as_final_and_nothing_for_the_silent_hours() {
        send(STATION, hour(0).plusSeconds(60), Map.of("pm25", 30.0));
        send(STATION, hour(1).plusSeconds(60), Map.of("pm25", 30.0));
        indicators.readKeyValuesToList();
        latest.clear();

        send(STATION, hour(6).plusSeconds(60), Map.of("pm25", 30.0));

        // Hour 1 again, now final; hour 2 from hours 1 and 0; hours 3 to 6 lack two of their three latest hours.
        assertThat(latest.keySet())
                .containsExactlyInAnyOrder(
                        key(IndicatorTopology.VN_AQI_HOURLY, STATION, Granularity.HOUR, hour(1)),
                        key(IndicatorTopology.VN_AQI_HOURLY, STATION, Granularity.HOUR, hour(2)));
        assertThat(hourlyAqi(STATION, hour(1)).attributes()).containsEntry("provisional", "false");
    }

    @Test
    void concentrations_above_the_top_breakpoint_give_500_hazardous() {
        send(STATION, hour(0).plusSeconds(60), Map.of("pm25", 650.0));
        send(STATION, hour(1).plusSeconds(60), Map.of("pm25", 700.0));

        Indicator aqi = hourlyAqi(STATION, hour(1));
        assertThat(aqi.value()).isEqualTo(500.0);
        assertThat(aqi.attributes()).containsEntry("category", "Nguy hại").containsEntry("colour", "#7E0023");
    }

    @Test
    void late_reading_within_grace_updates_the_closed_hour_and_the_hours_whose_nowcast_uses_it() {
        // Given hours 0 and 1 at 30 µg/m³ (hour 1: AQI 60)
        send(STATION, hour(0).plusSeconds(60), Map.of("pm25", 30.0));
        send(STATION, hour(1).plusSeconds(60), Map.of("pm25", 30.0));
        send(STATION, hour(1).plusSeconds(120), Map.of("pm25", 30.0));
        assertThat(hourlyAqi(STATION, hour(1)).value()).isEqualTo(60.0);

        // When a reading of hour 0 arrives 2 minutes after hour 0 ended, within the grace period
        send(STATION, hour(0).plusSeconds(3000), Map.of("pm25", 50.0));

        // Then hour 0's mean is 40; hour 1: c1 = 30, c2 = 40, w = 3/4: (30 + 0.75 * 40) / 1.75 = 34.2857 -> 68.57 -> 69
        assertThat(hourlyAqi(STATION, hour(1)).value()).isEqualTo(69.0);
        // computed_at stays the station's latest event time, so the newer version is not older than the previous
        assertThat(hourlyAqi(STATION, hour(1)).computedAt()).isEqualTo(hour(1).plusSeconds(120));
    }

    @Test
    void reading_later_than_the_grace_period_no_longer_changes_a_closed_hour() {
        send(STATION, hour(0).plusSeconds(60), Map.of("pm25", 30.0));
        send(STATION, hour(1).plusSeconds(60), Map.of("pm25", 30.0));
        // Stream time passes the end of hour 1 plus the grace period: hour 1 is closed.
        send(STATION, hour(2).plus(GRACE).plusSeconds(1), Map.of("pm25", 30.0));
        latest.clear();
        indicators.readKeyValuesToList();

        send(STATION, hour(1).plusSeconds(1800), Map.of("pm25", 400.0));

        assertThat(indicators.readKeyValuesToList()).isEmpty();
    }

    @Test
    void station_uploading_a_day_of_buffered_readings_after_the_others_live_ones_gets_the_same_indicators_as_live() {
        // Given a day in which a station, a neighbour on possibly the same partition and a gauge report every 10
        // minutes
        List<String> others = List.of("aq-o-mon-01", GAUGE);
        int minutes = 24 * 60;

        // When everything arrives live
        for (int m = 0; m < minutes; m += 10) {
            for (String device : others) {
                send(device, T0.plus(Duration.ofMinutes(m)), inputs(device, m));
            }
            send(STATION, T0.plus(Duration.ofMinutes(m)), inputs(STATION, m));
        }
        Map<String, Indicator> live = indicatorsOf(STATION);
        closeDriver();
        latest.clear();

        // And when, in a fresh run, the station's datalogger uploads its day only after the others' live readings
        startDriver();
        for (int m = 0; m < minutes; m += 10) {
            for (String device : others) {
                send(device, T0.plus(Duration.ofMinutes(m)), inputs(device, m));
            }
        }
        for (int m = 0; m < minutes; m += 10) {
            send(STATION, T0.plus(Duration.ofMinutes(m)), inputs(STATION, m));
        }

        // Then its hourly VN_AQI (every version the sink keeps last) is exactly that of the live run
        // (every hour but the first, whose NowCast lacks two of its three hours)
        assertThat(live).hasSize(23);
        assertThat(indicatorsOf(STATION)).isEqualTo(live);
    }

    private Map<String, Indicator> indicatorsOf(String device) {
        Map<String, Indicator> of = new LinkedHashMap<>();
        latest.forEach((key, indicator) -> {
            if (indicator.entityId().equals(device)) {
                of.put(key, indicator);
            }
        });
        return of;
    }

    /** Values that move through the day, exactly representable so sums do not depend on order. */
    private static Map<String, Double> inputs(String device, int minute) {
        double wave = (minute % 180) / 4.0;
        return device.equals(GAUGE)
                ? Map.of("water_level", 1.5 + (minute % 120) / 256.0)
                : Map.of("pm25", 10.0 + wave, "pm10", 20.0 + wave);
    }

    @Test
    void out_of_order_readings_give_the_same_result_as_in_order_ones() {
        send(STATION, hour(1).plusSeconds(300), Map.of("pm25", 44.0));
        send(STATION, hour(1).plusSeconds(120), Map.of("pm25", 40.0));
        send(STATION, hour(0).plusSeconds(3500), Map.of("pm25", 30.0));

        // hour 0: 30, hour 1: 42; w* = 30/42 > 1/2: (42 + 30 * 5/7) / (1 + 5/7) = 37 -> 50 + 12 * 2 = 74
        assertThat(hourlyAqi(STATION, hour(1)).value()).isEqualTo(74.0);
    }

    @Test
    void a_reading_delivered_twice_counts_once() {
        send(STATION, hour(0).plusSeconds(60), Map.of("pm25", 10.0));
        send(STATION, hour(1).plusSeconds(60), Map.of("pm25", 10.0));
        send(STATION, hour(1).plusSeconds(120), Map.of("pm25", 40.0));
        send(STATION, hour(1).plusSeconds(120), Map.of("pm25", 40.0));

        // hour 1 mean 25 (not 30): w* = 10/25 -> 1/2: 25/2 + 10/4 = 15 -> 30
        assertThat(hourlyAqi(STATION, hour(1)).value()).isEqualTo(30.0);
    }

    @Test
    void daily_aqi_covers_the_vietnam_day_from_local_midnight_once_18_hours_have_data() {
        // Cần Thơ day 2026-11-24 runs from 2026-11-23T17:00Z to 2026-11-24T17:00Z.
        Instant dayStart = Instant.parse("2026-11-23T17:00:00Z");
        for (int h = 0; h < 17; h++) {
            send(STATION, dayStart.plus(Duration.ofHours(h)).plusSeconds(60), Map.of("pm25", 30.0, "pm10", 60.0));
        }
        String dailyKey = key(IndicatorTopology.VN_AQI_DAILY, STATION, Granularity.DAY, dayStart);
        assertThat(latest).doesNotContainKey(dailyKey);

        send(STATION, dayStart.plus(Duration.ofHours(17)).plusSeconds(60), Map.of("pm25", 30.0, "pm10", 60.0));

        // 24-hour means 30 and 60: PM2.5 -> 60, PM10 -> 50 + (60 - 50) / 2 = 55
        Indicator daily = latest.get(dailyKey);
        assertThat(daily.value()).isEqualTo(60.0);
        assertThat(daily.periodEnd()).isEqualTo(dayStart.plus(Duration.ofDays(1)));
        assertThat(daily.attributes()).containsEntry("sub_index.pm10", "55").containsEntry("provisional", "true");

        for (int h = 18; h < 24; h++) {
            send(STATION, dayStart.plus(Duration.ofHours(h)).plusSeconds(60), Map.of("pm25", 60.0, "pm10", 60.0));
        }
        send(STATION, dayStart.plus(Duration.ofHours(24)).plusSeconds(60), Map.of("pm25", 60.0));
        // (18 * 30 + 6 * 60) / 24 = 37.5 -> 75; the day has ended in the station's time
        assertThat(latest.get(dailyKey).value()).isEqualTo(75.0);
        assertThat(latest.get(dailyKey).attributes()).containsEntry("provisional", "false");
    }

    @Test
    void gauge_crossing_bd_ii_reports_alert_level_2_and_the_rise_rate() {
        send(GAUGE, hour(0).plusSeconds(600), Map.of("water_level", 1.70));
        send(GAUGE, hour(1).plusSeconds(600), Map.of("water_level", 1.85));
        Indicator level = latest.get(key(IndicatorTopology.WATER_LEVEL_ALERT_LEVEL, GAUGE, Granularity.HOUR, hour(1)));
        assertThat(level.value()).isEqualTo(1.0);

        send(GAUGE, hour(1).plusSeconds(1200), Map.of("water_level", 1.95));

        level = latest.get(key(IndicatorTopology.WATER_LEVEL_ALERT_LEVEL, GAUGE, Granularity.HOUR, hour(1)));
        assertThat(level.value()).isEqualTo(2.0);
        assertThat(level.attributes())
                .containsEntry("level_name", "BĐ II")
                .containsEntry("max_level_m", "1.950")
                .containsEntry("last_level_m", "1.950")
                .containsEntry("thresholds_m", "1.80,1.90,2.00");
        assertThat(latest.get(key(IndicatorTopology.WATER_LEVEL_ALERT_LEVEL, GAUGE, Granularity.HOUR, hour(0)))
                        .value())
                .isEqualTo(0.0);
        // mean of hour 1 is 1.90, hour 0 is 1.70: 20 cm/h
        Indicator rise = latest.get(key(IndicatorTopology.WATER_LEVEL_RISE_RATE, GAUGE, Granularity.HOUR, hour(1)));
        assertThat(rise.value()).isEqualTo(20.0);
        assertThat(rise.attributes()).containsEntry("previous_hour", hour(0).toString());
    }

    @Test
    void rise_rate_spans_a_missing_hour_and_alert_levels_follow_the_configured_thresholds() {
        driver.close();
        start(FloodAlertLevels.parse("1.5,1.6,1.7"));

        send(GAUGE, hour(0).plusSeconds(60), Map.of("water_level", 1.40));
        send(GAUGE, hour(2).plusSeconds(60), Map.of("water_level", 1.70));

        assertThat(latest.get(key(IndicatorTopology.WATER_LEVEL_ALERT_LEVEL, GAUGE, Granularity.HOUR, hour(2)))
                        .value())
                .isEqualTo(3.0);
        // 30 cm over 2 hours
        assertThat(latest.get(key(IndicatorTopology.WATER_LEVEL_RISE_RATE, GAUGE, Granularity.HOUR, hour(2)))
                        .value())
                .isEqualTo(15.0);
    }

    @Test
    void readings_without_indicator_inputs_and_unknown_devices_produce_nothing() {
        send("tc-tran-hung-dao", hour(0), Map.of("vehicle_count", 12.0));
        send("ghost", hour(0), Map.of("pm25", 12.0));
        send(STATION, hour(0), Map.of("pm25", 12.0));

        assertThat(latest).isEmpty();
    }

    @Test
    void a_station_removed_from_the_registry_while_running_gets_no_further_indicators() {
        send(STATION, hour(0).plusSeconds(60), Map.of("pm25", 30.0));
        send(STATION, hour(1).plusSeconds(60), Map.of("pm25", 30.0));
        assertThat(hourlyAqi(STATION, hour(1)).value()).isEqualTo(60.0);
        DeviceRegistry before = registry.get();
        registry.set(new DeviceRegistry(
                List.copyOf(before.areas()),
                before.devices().stream().filter(d -> !d.id().equals(STATION)).toList()));
        latest.clear();

        send(STATION, hour(1).plusSeconds(120), Map.of("pm25", 90.0));

        assertThat(latest).isEmpty();
    }

    @Test
    void readings_between_two_emissions_are_passed_on_once_with_the_same_indicators_as_one_by_one() {
        // Given a station reporting every 10 s for two hours, one reading per emission
        for (int s = 0; s < 7200; s += 10) {
            send(STATION, hour(0).plusSeconds(s), Map.of("pm25", 20.0 + s % 70, "pm10", 40.0 + s % 30));
        }
        Map<String, Indicator> oneByOne = new LinkedHashMap<>(latest);
        driver.close();
        latest.clear();
        startDriver();

        // When the same readings arrive between emissions, a minute's worth at a time
        long sentOut = 0;
        for (int s = 0; s < 7200; s += 10) {
            pipe(STATION, hour(0).plusSeconds(s), Map.of("pm25", 20.0 + s % 70, "pm10", 40.0 + s % 30));
            if (s % 60 == 50) {
                sentOut += emit().size();
            }
        }

        // Then the indicators end the same, and far fewer versions went out than one per reading and indicator
        assertThat(latest).isEqualTo(oneByOne);
        assertThat(sentOut).isLessThan(720);
    }

    @Test
    void a_reading_the_aggregation_dead_letters_as_late_is_not_counted_in_its_still_open_hour() {
        // Given hour 0 at 30 µg/m³ and the station 65 minutes on: hour 0 is open for the hours' 10-minute grace
        // until 01:10, but the aggregation's 1-hour grace has closed its first minutes
        send(STATION, hour(0).plusSeconds(600), Map.of("pm25", 30.0));
        send(STATION, hour(1).plusSeconds(60), Map.of("pm25", 30.0));
        send(STATION, hour(2).plusSeconds(60), Map.of("pm25", 30.0));
        send(STATION, hour(2).plusSeconds(300), Map.of("pm25", 30.0));
        deadLetters.readKeyValuesToList();
        Indicator before = hourlyAqi(STATION, hour(2));

        // When a reading of 00:00:30 arrives at 02:05
        send(STATION, hour(0).plusSeconds(30), Map.of("pm25", 400.0));

        // Then it is dead-lettered as LATE once, and no indicator changes: one verdict per reading
        assertThat(deadLetters.readValuesToList()).singleElement().satisfies(letter -> assertThat(letter.reason())
                .isEqualTo(DeadLetterReason.LATE));
        assertThat(hourlyAqi(STATION, hour(2))).isEqualTo(before);
    }

    @Test
    void the_topology_names_its_stores_and_adds_no_repartition_to_the_aggregations() {
        String description = TelemetryTopology.build(
                        DeviceRegistry::builtIn,
                        IndicatorRegistry.builtIn(),
                        AGGREGATE_GRACE,
                        Duration.ofHours(1),
                        new IndicatorOptions(GRACE, FloodAlertLevels.CAN_THO))
                .describe()
                .toString();

        assertThat(description)
                .contains(
                        IndicatorTopology.HOURLY_STORE,
                        IndicatorTopology.STATION_HOURS_STORE,
                        IndicatorTopology.STATION_PROGRESS_STORE,
                        IndicatorTopology.PENDING_HOURS_STORE,
                        "counted-readings",
                        "station-indicators",
                        "indicators-sink");
        // One source of telemetry, and the area step's repartition is the only one
        assertThat(description.split(Topics.TELEMETRY.name(), -1)).hasSize(2);
        assertThat(description.split("repartition", -1).length - 1)
                .isEqualTo(AggregationTopology.build(DeviceRegistry.builtIn(), AGGREGATE_GRACE, Duration.ofHours(1))
                                .describe()
                                .toString()
                                .split("repartition", -1)
                                .length
                        - 1);
        assertThat(description).doesNotContain("KSTREAM-");
    }

    // ---------------------------------------------------------------------------------------------

    private static Instant hour(int n) {
        return T0.plus(Duration.ofHours(n));
    }

    /** Sends one reading and lets one emission interval pass, so its changes are passed on. */
    private void send(String device, Instant ts, Map<String, Double> values) {
        pipe(device, ts, values);
        emit();
    }

    private void pipe(String device, Instant ts, Map<String, Double> values) {
        telemetry.pipeInput(device, new Reading(Reading.SCHEMA_VERSION, device, ts, values, ts, "test"), ts);
    }

    /** Runs the emission; returns what it sent and records it in {@link #latest}. */
    private List<KeyValue<String, Indicator>> emit() {
        driver.advanceWallClockTime(EMIT_INTERVAL);
        List<KeyValue<String, Indicator>> out = indicators.readKeyValuesToList();
        for (KeyValue<String, Indicator> kv : out) {
            assertThat(kv.key).isEqualTo(kv.value.key());
            latest.put(kv.key, kv.value);
        }
        return out;
    }

    private Indicator hourlyAqi(String device, Instant hour) {
        Indicator indicator = latest.get(key(IndicatorTopology.VN_AQI_HOURLY, device, Granularity.HOUR, hour));
        assertThat(indicator).as("vn_aqi_hourly of " + device + " at " + hour).isNotNull();
        return indicator;
    }

    private static String key(String indicator, String device, Granularity granularity, Instant start) {
        return indicator + "|device|" + device + "||" + granularity.id() + "|" + start.toEpochMilli();
    }
}
