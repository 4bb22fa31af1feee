package io.outflow.connect.security;

import io.outflow.connect.testkit.connect.ConsumedRecord;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Searches the places other than logs where a secret could show: JMX, DLQ headers, task traces. */
final class Exposure {
    private Exposure() {
    }

    /** Where a needle was found, and in what. */
    record Found(String where, String needle, String excerpt) {
        @Override
        public String toString() {
            return where + " (" + needle + "): " + excerpt;
        }
    }

    /** Every MBean of this JVM (the worker's metrics included): names, attribute names and values. */
    static List<Found> jmx(List<String> needles) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<Found> found = new ArrayList<>();
        int[] attributes = {0};
        for (ObjectName name : server.queryNames(null, null)) {
            search("JMX name", name.toString(), needles, found);
            MBeanAttributeInfo[] infos;
            try {
                infos = server.getMBeanInfo(name).getAttributes();
            } catch (Exception e) {
                continue; // unregistered meanwhile
            }
            for (MBeanAttributeInfo info : infos) {
                if (!info.isReadable()) {
                    continue;
                }
                attributes[0]++;
                search("JMX " + name + " attribute name", info.getName(), needles, found);
                Object value;
                try {
                    value = server.getAttribute(name, info.getName());
                } catch (Exception | LinkageError e) {
                    continue;
                }
                search("JMX " + name + "/" + info.getName(), text(value), needles, found);
            }
        }
        if (attributes[0] == 0) {
            throw new AssertionError("no MBean attributes found: the JMX search searched nothing");
        }
        return found;
    }

    private static String text(Object value) {
        if (value instanceof Object[]) {
            return Arrays.deepToString((Object[]) value);
        }
        if (value instanceof long[]) {
            return Arrays.toString((long[]) value);
        }
        if (value instanceof int[]) {
            return Arrays.toString((int[]) value);
        }
        return String.valueOf(value);
    }

    /** Every header name and value of the records (the key and value are the record's own data). */
    static List<Found> headers(List<ConsumedRecord> records, List<String> needles) {
        List<Found> found = new ArrayList<>();
        for (ConsumedRecord record : records) {
            for (Map.Entry<String, String> header : record.headers().entrySet()) {
                search("DLQ header " + header.getKey(), header.getKey() + "=" + header.getValue(), needles, found);
            }
        }
        return found;
    }

    static List<Found> text(String where, String text, List<String> needles) {
        List<Found> found = new ArrayList<>();
        search(where, text, needles, found);
        return found;
    }

    private static void search(String where, String text, List<String> needles, List<Found> found) {
        if (text == null) {
            return;
        }
        for (String needle : needles) {
            int at = text.indexOf(needle);
            if (at >= 0) {
                found.add(new Found(where, needle, text.substring(Math.max(0, at - 120),
                        Math.min(text.length(), at + needle.length() + 60)).replace('\n', ' ')));
            }
        }
    }
}
