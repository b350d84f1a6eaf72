package vn.cantho.ioc.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathGuardTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/console/..",
                "/console/../",
                "/console/../api/v1/alerts",
                "/console/%2e%2e/",
                "/console/%2E%2E",
                "/console/.%2e/x",
                "/console/%252e%252e/x",
                "/console/..;/index.html",
                "/console/./index.html",
                "/api/v1/../health",
                "/console/%00",
                "/console/index.html%00.js",
                "/console/%2500"
            })
    void dot_segments_and_nul_are_refused_however_they_are_written(String path) {
        assertThat(PathGuard.problem(path)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/console/",
                "/console/index.html",
                "/console/console.js",
                "/api/v1/alerts/7/ack",
                "/console/...",
                "/console/..x",
                "/console/x..",
                "/api/v1/devices/aq.ninh-kieu.01",
                "/console/%zz"
            })
    void ordinary_paths_pass(String path) {
        assertThat(PathGuard.problem(path)).isNull();
    }
}
