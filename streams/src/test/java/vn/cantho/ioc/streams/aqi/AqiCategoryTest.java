package vn.cantho.ioc.streams.aqi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AqiCategoryTest {

    @ParameterizedTest(name = "AQI {0} is {1}")
    @CsvSource({
        "0, GOOD",
        "50, GOOD",
        "51, MODERATE",
        "100, MODERATE",
        "101, POOR",
        "150, POOR",
        "151, BAD",
        "200, BAD",
        "201, VERY_BAD",
        "300, VERY_BAD",
        "301, HAZARDOUS",
        "400, HAZARDOUS",
        "500, HAZARDOUS",
    })
    void each_aqi_falls_in_the_band_of_table_1(int aqi, AqiCategory expected) {
        assertThat(AqiCategory.of(aqi)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}, RGB {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GOOD      | Tốt        | 0;228;0",
                "MODERATE  | Trung bình | 255;255;0",
                "POOR      | Kém        | 255;126;0",
                "BAD       | Xấu        | 255;0;0",
                "VERY_BAD  | Rất xấu    | 143;63;151",
                "HAZARDOUS | Nguy hại   | 126;0;35",
            })
    void names_and_colours_are_those_of_table_1(AqiCategory category, String nameVi, String rgb) {
        // Table 1 gives colours as decimal R;G;B.
        int colour = Integer.parseInt(category.hexColour().substring(1), 16);
        String decimal = (colour >> 16) + ";" + ((colour >> 8) & 0xFF) + ";" + (colour & 0xFF);

        assertThat(category.nameVi()).isEqualTo(nameVi);
        assertThat(category.hexColour()).matches("#[0-9A-F]{6}");
        assertThat(decimal).isEqualTo(rgb);
    }

    @Test
    void the_bands_cover_0_to_500_without_gap_or_overlap_in_rising_order() {
        AqiCategory[] bands = AqiCategory.values();
        assertThat(bands[0].min()).isZero();
        assertThat(bands[bands.length - 1].max()).isEqualTo(500);
        for (int i = 0; i < bands.length; i++) {
            assertThat(bands[i].max()).as(bands[i].id()).isGreaterThan(bands[i].min());
            if (i > 0) {
                assertThat(bands[i].min()).as(bands[i].id()).isEqualTo(bands[i - 1].max() + 1);
            }
        }
    }

    @Test
    void band_tops_coincide_with_index_levels_of_table_2() {
        // 50, 100, 150, 200, 300 and 500 are I values, so a breakpoint concentration lands on a band's top.
        int[] levels = Breakpoints.PM25.indices();
        for (AqiCategory band : AqiCategory.values()) {
            assertThat(levels).as(band.id()).contains(band.max());
        }
    }

    @Test
    void ids_are_stable_lower_case_identifiers() {
        assertThat(AqiCategory.values())
                .extracting(AqiCategory::id)
                .containsExactly("good", "moderate", "poor", "bad", "very_bad", "hazardous");
        assertThat(AqiCategory.VERY_BAD.nameEn()).isEqualTo("Very bad");
    }

    @Test
    void an_aqi_outside_0_to_500_is_rejected() {
        assertThatThrownBy(() -> AqiCategory.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AqiCategory.of(501)).isInstanceOf(IllegalArgumentException.class);
    }
}
