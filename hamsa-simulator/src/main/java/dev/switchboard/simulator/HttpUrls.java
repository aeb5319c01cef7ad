package dev.switchboard.simulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The one URL rule of the new resources: absolute, http or https, with a host. */
final class HttpUrls {

    static final String PROBLEM = "must be an absolute http or https URL";

    private HttpUrls() {
    }

    static boolean isAbsoluteHttp(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
