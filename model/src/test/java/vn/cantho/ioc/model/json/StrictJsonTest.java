package vn.cantho.ioc.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.Device;

class StrictJsonTest {

    @Test
    void one_well_formed_object_is_read_and_an_empty_body_is_no_value() throws Exception {
        assertThat(StrictJson.tree(utf8("{\"comment\":\"Đã xử lý\"}"))
                        .get("comment")
                        .asText())
                .isEqualTo("Đã xử lý");
        assertThat(StrictJson.tree(utf8("  \n"))).isNull();
        assertThat(StrictJson.tree(new byte[0])).isNull();
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"comment":"a"}garbage            | the body is not valid JSON at line 1, column 23
            {"comment":"a"}"garbage"          | unexpected content after the JSON value at line 1, column 16
            {"comment":"a"}{"comment":"b"}    | unexpected content after the JSON value
            {"comment":"a"} 42                | unexpected content after the JSON value
            [1] [2]                           | unexpected content after the JSON value
            {"comment":"a","comment":"b"}     | the body is not valid JSON at line 1
            {"comment":"a\\u0000b"}           | comment: contains a NUL character (U+0000)
            {"a":{"b":["x","\\u0000"]}}       | a.b[1]: contains a NUL character
            {"\\u0000":1}                     | the body: a field name contains a NUL character
            {"comment":                       | the body is not valid JSON
            {'comment':'a'}                   | the body is not valid JSON
            """)
    void malformed_bodies_are_refused_with_a_message_for_the_client(String body, String message) {
        assertThatThrownBy(() -> StrictJson.tree(utf8(body)))
                .isInstanceOf(StrictJson.Invalid.class)
                .hasMessageStartingWith(message)
                .message()
                .doesNotContain("java.", "vn.cantho", "`");
    }

    @Test
    void invalid_utf8_is_refused_rather_than_replaced() {
        byte[] body = {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, '"', '}'};

        assertThatThrownBy(() -> StrictJson.tree(body)).hasMessage("the body is not valid UTF-8");
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"code":"x","name":5,"lat":10.0,"lon":105.7}         | name: must be a string
            {"code":"x","name":true,"lat":10.0,"lon":105.7}      | name: must be a string
            {"code":"x","name":["a"],"lat":10.0,"lon":105.7}     | name: must be a string
            {"code":"x","name":"A","lat":"10.5","lon":105.7}     | lat: must be a number
            {"code":"x","name":"A","lat":"","lon":105.7}         | lat: must be a number
            {"code":"x","name":"A","lat":true,"lon":105.7}       | lat: must be a number
            {"code":"x","name":"A","lat":null,"lon":105.7}       | lat: must be a number
            {"code":"x","name":"A","lat":{},"lon":105.7}         | lat: must be a number
            {"code":"x","name":"A","lon":105.7}                  | lat: required
            {"name":"A","lat":10.0,"lon":105.7}                  | code: required
            {"code":"x","name":"A","lat":10,"lon":105.7,"z":1}   | unknown field 'z'
            [{"code":"x"}]                                       | the body: must be an object
            "x"                                                  | the body: must be an object
            """)
    void values_of_another_json_type_are_not_coerced(String body, String message) {
        assertThatThrownBy(() -> StrictJson.value(StrictJson.tree(utf8(body)), Area.class))
                .isInstanceOf(StrictJson.Invalid.class)
                .hasMessage(message);
    }

    @Test
    void a_list_of_strings_takes_no_number_and_no_single_string() {
        String device =
                "{\"id\":\"d\",\"name\":\"D\",\"type\":\"air_quality\",\"domain\":\"environment\",\"areaCode\":\"ninh-kieu\","
                        + "\"lat\":10.0,\"lon\":105.7,\"owner\":\"o\",\"metrics\":%s}";

        assertThatThrownBy(
                        () -> StrictJson.value(StrictJson.tree(utf8(device.formatted("[\"pm25\",5]"))), Device.class))
                .hasMessage("metrics[1]: must be a string");
        assertThatThrownBy(() -> StrictJson.value(StrictJson.tree(utf8(device.formatted("\"pm25\""))), Device.class))
                .hasMessage("metrics: must be an array");
    }

    @Test
    void a_well_typed_body_becomes_the_value() throws Exception {
        Area area = StrictJson.value(
                StrictJson.tree(utf8("{\"code\":\"x\",\"name\":\"Xã X\",\"lat\":10,\"lon\":105.7}")), Area.class);

        assertThat(area).isEqualTo(new Area("x", "Xã X", 10.0, 105.7));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
