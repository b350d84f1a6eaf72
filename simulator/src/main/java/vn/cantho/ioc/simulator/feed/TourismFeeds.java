package vn.cantho.ioc.simulator.feed;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cantho.ioc.simulator.Noise;

/**
 * The tourism department ({@code so-vhttdl}): monthly results ({@code tourism-monthly}: about 0.7–1.1
 * million visitors a month, highest at Tết, lowest in the flood season, growing about 11 % a year, 4–6 %
 * international, a third staying overnight, 1.5–1.8 million VND spent per visitor) and daily hotel
 * occupancy per district ({@code hotel-occupancy-daily}: Ninh Kiều about two thirds full, rural
 * districts about a third, Friday and Saturday nights fuller). The monthly figures of the last 25
 * released months are pushed, so every month of the last year has its same month a year earlier.
 */
final class TourismFeeds implements FeedModel {

    static final int MONTHS = 25;
    private static final double BASE_2025 = 800_000;

    private final Noise noise;

    TourismFeeds(Noise noise) {
        this.noise = noise;
    }

    @Override
    public List<FeedBatch> batches(Instant now, Duration history) {
        List<Map<String, Object>> monthly = new ArrayList<>();
        for (YearMonth month : Calendar.releasedMonths(now, MONTHS)) {
            monthly.add(month(month));
        }
        List<Map<String, Object>> hotels = new ArrayList<>();
        for (LocalDate day : Calendar.completeDays(now, history)) {
            for (Places.District district : Places.DISTRICTS) {
                hotels.add(hotel(day, district.code()));
            }
        }
        return List.of(
                new FeedBatch("tourism-monthly", "so-vhttdl", monthly),
                new FeedBatch("hotel-occupancy-daily", "so-vhttdl", hotels));
    }

    private Map<String, Object> month(YearMonth month) {
        long index = month.getYear() * 12L + month.getMonthValue();
        double growth = Math.pow(1.11, month.getYear() - 2025 + (month.getMonthValue() - 1) / 12.0);
        long visitors = Math.round(BASE_2025
                * growth
                * Calendar.tourismSeason(month.getMonthValue())
                * (1 + 0.04 * noise.gaussian("tourism/visitors", index)));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("period", month.atDay(1).toString());
        r.put("visitors", visitors);
        r.put("international_visitors", Math.round(visitors * (0.04 + 0.02 * noise.uniform("tourism/intl", index))));
        r.put("overnight_guests", Math.round(visitors * (0.32 + 0.06 * noise.uniform("tourism/overnight", index))));
        r.put("revenue", Math.round(visitors * (1.5 + 0.3 * noise.uniform("tourism/spend", index)) / 100.0) / 10.0);
        return r;
    }

    private Map<String, Object> hotel(LocalDate day, String area) {
        long index = day.toEpochDay();
        double[] hotel = Places.HOTELS.get(area);
        boolean weekendNight = day.getDayOfWeek() == DayOfWeek.FRIDAY || day.getDayOfWeek() == DayOfWeek.SATURDAY;
        double occupancy =
                hotel[1] * (weekendNight ? 1.18 : 1.0) * Math.sqrt(Calendar.tourismSeason(day.getMonthValue()))
                        + 4 * noise.gaussian("hotel/" + area, index);
        long available = Math.round(hotel[0]);
        long occupied = Math.round(available * Math.max(5, Math.min(98, occupancy)) / 100);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("date", day.toString());
        r.put("area_code", area);
        r.put("rooms_available", available);
        r.put("rooms_occupied", occupied);
        r.put("occupancy", Math.round(occupied * 1000.0 / available) / 10.0);
        r.put("guests", Math.round(occupied * 1.7));
        return r;
    }
}
