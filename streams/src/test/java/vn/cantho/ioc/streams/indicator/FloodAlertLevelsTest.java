package vn.cantho.ioc.streams.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FloodAlertLevelsTest {

    @Test
    void a_level_on_a_threshold_has_reached_it() {
        FloodAlertLevels levels = FloodAlertLevels.CAN_THO;

        assertThat(levels.levelOf(1.79)).isZero();
        assertThat(levels.levelOf(1.80)).isEqualTo(1);
        assertThat(levels.levelOf(1.90)).isEqualTo(2);
        assertThat(levels.levelOf(2.00)).isEqualTo(3);
        assertThat(levels.levelOf(2.50)).isEqualTo(3);
        assertThat(FloodAlertLevels.nameOf(2)).isEqualTo("BĐ II");
        assertThat(FloodAlertLevels.nameOf(0)).isEqualTo("dưới BĐ I");
    }

    @Test
    void parse_reads_three_rising_levels_and_formats_them_back() {
        assertThat(FloodAlertLevels.parse(" 1.8, 1.9 ,2").format()).isEqualTo("1.80,1.90,2.00");
        assertThat(FloodAlertLevels.parse("1.80,1.90,2.00")).isEqualTo(FloodAlertLevels.CAN_THO);
    }

    @Test
    void parse_refuses_anything_but_three_rising_numbers() {
        assertThatThrownBy(() -> FloodAlertLevels.parse("1.8,1.9")).hasMessageContaining("three levels");
        assertThatThrownBy(() -> FloodAlertLevels.parse("1.8,abc,2")).hasMessageContaining("'abc' is not a number");
        assertThatThrownBy(() -> FloodAlertLevels.parse("2.0,1.9,1.8")).hasMessageContaining("rising");
        assertThatThrownBy(() -> FloodAlertLevels.parse("1.8,1.9,NaN")).hasMessageContaining("finite");
    }
}
