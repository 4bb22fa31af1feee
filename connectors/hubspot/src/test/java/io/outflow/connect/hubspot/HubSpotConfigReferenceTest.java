package io.outflow.connect.hubspot;

import io.outflow.connect.common.config.ConfigReference;
import io.outflow.connect.testkit.docs.ConfigReferenceCheck;
import org.junit.jupiter.api.Test;

class HubSpotConfigReferenceTest {
    @Test
    void theCommittedReferenceMatchesTheConfiguration() throws Exception {
        ConfigReferenceCheck.assertUpToDate("hubspot", ConfigReference.render("HubSpot CRM sink connector configuration",
                "`io.outflow.connect.hubspot.HubSpotSinkConnector`: every key, as `PUT /connectors/{name}/config` "
                        + "takes it. Connect's own keys (`topics`, `tasks.max`, converters, `errors.*`, transforms) "
                        + "are documented by Kafka.", HubSpotConfig.def()));
    }
}
