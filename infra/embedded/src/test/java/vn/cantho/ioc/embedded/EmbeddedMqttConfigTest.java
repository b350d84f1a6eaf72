package vn.cantho.ioc.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class EmbeddedMqttConfigTest {

    /** The schema HiveMQ validates config.xml against, from the HiveMQ jar itself (not another jar's config.xsd). */
    private static Schema hivemqSchema() throws Exception {
        URL jar = EmbeddedHiveMQ.class.getProtectionDomain().getCodeSource().getLocation();
        URL xsd = new URL("jar:" + jar + "!/config.xsd");
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
    }

    @Test
    void the_configuration_is_valid_for_the_hivemq_version_on_the_classpath() throws Exception {
        // Given
        String xml = EmbeddedMqtt.configXml(18830);

        // When / Then
        Schema schema = hivemqSchema();
        assertThatCode(() -> schema.newValidator().validate(new StreamSource(new StringReader(xml))))
                .doesNotThrowAnyException();
    }

    @Test
    void a_misspelt_element_is_rejected_by_the_schema() throws Exception {
        // Given: proves the validation above can fail
        String xml = EmbeddedMqtt.configXml(18830).replace("max-queue-size", "max-queue-length");

        // When / Then
        Schema schema = hivemqSchema();
        assertThatThrownBy(() -> schema.newValidator().validate(new StreamSource(new StringReader(xml))))
                .isInstanceOf(SAXException.class)
                .hasMessageContaining("max-queue-length");
    }

    @Test
    void bursts_are_queued_in_memory_on_loopback_and_nothing_is_reported_home() throws Exception {
        // Given
        Document config = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader(EmbeddedMqtt.configXml(18830))));
        var xpath = XPathFactory.newInstance().newXPath();

        // When / Then
        assertThat(xpath.evaluate("/hivemq/listeners/tcp-listener/port", config))
                .isEqualTo("18830");
        assertThat(xpath.evaluate("/hivemq/listeners/tcp-listener/bind-address", config))
                .isEqualTo("127.0.0.1");
        assertThat(xpath.evaluate("/hivemq/mqtt/queued-messages/max-queue-size", config))
                .isEqualTo("1000000");
        assertThat(xpath.evaluate("/hivemq/mqtt/receive-maximum/server-receive-maximum", config))
                .isEqualTo("100");
        assertThat(xpath.evaluate("/hivemq/persistence/mode", config)).isEqualTo("in-memory");
        assertThat(xpath.evaluate("/hivemq/anonymous-usage-statistics/enabled", config))
                .isEqualTo("false");
    }
}
