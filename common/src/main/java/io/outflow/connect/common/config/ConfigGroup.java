package io.outflow.connect.common.config;

import org.apache.kafka.common.config.ConfigDef;

/**
 * Defines the keys of one configuration group in order: a key's position in the group is the order in which it is
 * defined here, so nobody types order numbers by hand.
 */
public final class ConfigGroup {
    private final ConfigDef def;
    private final String group;
    private int order;

    public ConfigGroup(ConfigDef def, String group) {
        this.def = def;
        this.group = group;
    }

    public ConfigGroup define(String name, ConfigDef.Type type, Object defaultValue, ConfigDef.Validator validator,
                              ConfigDef.Importance importance, String doc, String displayName) {
        def.define(name, type, defaultValue, validator, importance, doc, group, ++order, ConfigDef.Width.MEDIUM,
                displayName);
        return this;
    }

    public ConfigGroup define(String name, ConfigDef.Type type, Object defaultValue, ConfigDef.Validator validator,
                              ConfigDef.Importance importance, String doc, String displayName,
                              ConfigDef.Recommender recommender) {
        def.define(name, type, defaultValue, validator, importance, doc, group, ++order, ConfigDef.Width.MEDIUM,
                displayName, recommender);
        return this;
    }

    /** A key with no default: the user must set it. */
    public ConfigGroup defineRequired(String name, ConfigDef.Type type, ConfigDef.Validator validator,
                                      ConfigDef.Importance importance, String doc, String displayName) {
        def.define(name, type, ConfigDef.NO_DEFAULT_VALUE, validator, importance, doc, group, ++order,
                ConfigDef.Width.MEDIUM, displayName);
        return this;
    }

    public ConfigDef def() {
        return def;
    }
}
