package vn.cantho.ioc.streams.aqi;

/**
 * The six VN_AQI bands of Decision 1459/QĐ-TCMT, Table 1: index range, Vietnamese name as published, and the
 * RGB colour the decision prescribes (given there as decimal triplets, e.g. {@code 0;228;0}, here as hex).
 * The English names are the hub's translations; the decision has none.
 */
public enum AqiCategory {
    GOOD("good", "Tốt", "Good", "#00E400", 0, 50),
    MODERATE("moderate", "Trung bình", "Moderate", "#FFFF00", 51, 100),
    POOR("poor", "Kém", "Poor", "#FF7E00", 101, 150),
    BAD("bad", "Xấu", "Bad", "#FF0000", 151, 200),
    VERY_BAD("very_bad", "Rất xấu", "Very bad", "#8F3F97", 201, 300),
    HAZARDOUS("hazardous", "Nguy hại", "Hazardous", "#7E0023", 301, 500);

    private final String id;
    private final String nameVi;
    private final String nameEn;
    private final String hexColour;
    private final int min;
    private final int max;

    AqiCategory(String id, String nameVi, String nameEn, String hexColour, int min, int max) {
        this.id = id;
        this.nameVi = nameVi;
        this.nameEn = nameEn;
        this.hexColour = hexColour;
        this.min = min;
        this.max = max;
    }

    /** The band an AQI falls in; AQI values are integers from 0 to 500 (sub-indices are capped at 500). */
    public static AqiCategory of(int aqi) {
        for (AqiCategory category : values()) {
            if (aqi >= category.min && aqi <= category.max) {
                return category;
            }
        }
        throw new IllegalArgumentException("AQI must be between 0 and 500, was " + aqi);
    }

    /** Stable id for JSON, metrics labels and dashboards. */
    public String id() {
        return id;
    }

    public String nameVi() {
        return nameVi;
    }

    public String nameEn() {
        return nameEn;
    }

    /** {@code #RRGGBB}, upper case. */
    public String hexColour() {
        return hexColour;
    }

    /** Lowest AQI of the band, inclusive. */
    public int min() {
        return min;
    }

    /** Highest AQI of the band, inclusive. */
    public int max() {
        return max;
    }
}
