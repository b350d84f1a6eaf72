package vn.cantho.ioc.api.indicator;

import java.time.Instant;
import java.util.List;

/** The body of {@code GET /api/v1/water-levels/current}: every registered gauge, ordered by device id. */
public record WaterLevelsResponse(Instant asOf, List<WaterLevel> items) {}
