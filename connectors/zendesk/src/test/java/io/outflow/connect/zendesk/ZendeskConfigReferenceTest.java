package io.outflow.connect.zendesk;

import io.outflow.connect.common.config.ConfigReference;
import io.outflow.connect.testkit.docs.ConfigReferenceCheck;
import org.junit.jupiter.api.Test;

class ZendeskConfigReferenceTest {
    @Test
    void theCommittedReferenceMatchesTheConfiguration() throws Exception {
        ConfigReferenceCheck.assertUpToDate("zendesk", ConfigReference.render("Zendesk Support sink connector "
                + "configuration", "`io.outflow.connect.zendesk.ZendeskSinkConnector`: every key, as "
                + "`PUT /connectors/{name}/config` takes it. Connect's own keys (`topics`, `tasks.max`, converters, "
                + "`errors.*`, transforms) are documented by Kafka.", ZendeskConfig.def()));
    }
}
