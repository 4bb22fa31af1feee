package io.outflow.connect.common.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.net.URI;
import java.net.URISyntaxException;

/** Accepts absolute http(s) URLs (and, when allowed, an empty value). */
public final class UrlValidator implements ConfigDef.Validator {
    private final boolean allowEmpty;

    public UrlValidator(boolean allowEmpty) {
        this.allowEmpty = allowEmpty;
    }

    @Override
    public void ensureValid(String name, Object value) {
        String s = value == null ? "" : value.toString().trim();
        if (s.isEmpty()) {
            if (allowEmpty) {
                return;
            }
            throw new ConfigException(name, value, "a URL is required");
        }
        try {
            URI uri = new URI(s);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new ConfigException(name, value, "must be an absolute http:// or https:// URL");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(name, value, "is not a valid URL");
        }
    }

    @Override
    public String toString() {
        return allowEmpty ? "an http(s) URL, or empty" : "an http(s) URL";
    }
}
