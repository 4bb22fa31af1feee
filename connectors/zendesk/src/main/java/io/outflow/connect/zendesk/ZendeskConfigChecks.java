package io.outflow.connect.zendesk;

import io.outflow.connect.common.config.CommonConfig;
import io.outflow.connect.common.config.NullValueBehavior;
import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.zendesk.ZendeskConfig.AuthType;
import io.outflow.connect.zendesk.ZendeskConfig.MatchKey;
import io.outflow.connect.zendesk.ZendeskConfig.ObjectType;

import java.util.function.BiConsumer;

/**
 * Checks across the Zendesk keys, each error reported on the key at fault. Whether records will carry the fields
 * Zendesk needs (a name for new users) is not knowable here: such records fail in Zendesk and go to the DLQ.
 */
final class ZendeskConfigChecks {
    private ZendeskConfigChecks() {
    }

    static void check(OutflowSinkConfig config, BiConsumer<String, String> error) {
        endpoint(config, error);
        credentials(config, error);
        matching(config, error);
        if (config.getLong(ZendeskConfig.JOB_POLL_MAX_MS_CONFIG) < config.getLong(ZendeskConfig.JOB_POLL_MS_CONFIG)) {
            error.accept(ZendeskConfig.JOB_POLL_MAX_MS_CONFIG, "must be at least zendesk.job.poll.ms");
        }
    }

    private static void endpoint(OutflowSinkConfig config, BiConsumer<String, String> error) {
        if (config.getString(ZendeskConfig.SUBDOMAIN_CONFIG).isBlank()
                && config.getString(ZendeskConfig.API_URL_CONFIG).isBlank()) {
            error.accept(ZendeskConfig.SUBDOMAIN_CONFIG, "the account's subdomain is required (or zendesk.api.url)");
        }
    }

    private static void credentials(OutflowSinkConfig config, BiConsumer<String, String> error) {
        if (ZendeskConfig.authType(config) == AuthType.OAUTH) {
            if (OutflowSinkConfig.secret(config.getPassword(ZendeskConfig.OAUTH_TOKEN_CONFIG)) == null) {
                error.accept(ZendeskConfig.OAUTH_TOKEN_CONFIG, "an OAuth access token is required when "
                        + "zendesk.auth.type=oauth");
            }
            return;
        }
        String email = ZendeskConfig.email(config);
        if (email.isEmpty()) {
            error.accept(ZendeskConfig.EMAIL_CONFIG, "the API token owner's email is required when "
                    + "zendesk.auth.type=api_token");
        } else if (!email.contains("@")) {
            error.accept(ZendeskConfig.EMAIL_CONFIG, "must be an email address");
        }
        if (OutflowSinkConfig.secret(config.getPassword(ZendeskConfig.API_TOKEN_CONFIG)) == null) {
            error.accept(ZendeskConfig.API_TOKEN_CONFIG, "an API token is required when zendesk.auth.type=api_token");
        }
    }

    private static void matching(OutflowSinkConfig config, BiConsumer<String, String> error) {
        if (ZendeskConfig.matchKey(config) != MatchKey.EMAIL) {
            return;
        }
        if (ZendeskConfig.objectType(config) == ObjectType.ORGANIZATIONS) {
            // Spec, CreateOrUpdateOrganization: matched on id or external_id only.
            error.accept(ZendeskConfig.MATCH_KEY_CONFIG, "organizations are matched on external_id only");
        } else if (config.nullValueBehavior() == NullValueBehavior.DELETE) {
            // Spec, DestroyManyUsers: "takes an ids or an external_ids query parameter", no emails.
            error.accept(CommonConfig.BEHAVIOR_ON_NULL_VALUES_CONFIG, "Zendesk deletes users by id or external_id "
                    + "only, so tombstones cannot delete with zendesk.match.key=email");
        }
    }
}
