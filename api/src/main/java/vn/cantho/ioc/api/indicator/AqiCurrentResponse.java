package vn.cantho.ioc.api.indicator;

import java.time.Instant;
import java.util.List;

/** The body of {@code GET /api/v1/aqi/current}: stations ordered by device id, areas by area code. */
public record AqiCurrentResponse(Instant asOf, List<AqiStation> stations, List<AqiArea> areas) {}
