package vn.cantho.ioc.model.registry;

/** A district (quận/huyện) or ward of the city with its centroid. Reference data from {@code areas.json}. */
public record Area(String code, String name, double lat, double lon) {}
