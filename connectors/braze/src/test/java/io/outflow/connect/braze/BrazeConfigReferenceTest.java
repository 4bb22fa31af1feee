package io.outflow.connect.braze;

import io.outflow.connect.common.config.ConfigReference;
import io.outflow.connect.testkit.docs.ConfigReferenceCheck;
import org.junit.jupiter.api.Test;

class BrazeConfigReferenceTest {
    @Test
    void theCommittedReferenceMatchesTheConfiguration() throws Exception {
        ConfigReferenceCheck.assertUpToDate("braze", ConfigReference.render("Braze sink connector configuration",
                "`io.outflow.connect.braze.BrazeSinkConnector`: every key, as `PUT /connectors/{name}/config` "
                        + "takes it. Connect's own keys (`topics`, `tasks.max`, converters, `errors.*`, transforms) "
                        + "are documented by Kafka.", BrazeConfig.def()));
    }
}
