package dev.switchboard.app.resilience;

import static io.restassured.RestAssured.given;

/** Reads one series from {@code /q/metrics}, as Prometheus would scrape it. */
public final class PrometheusScrape {

    private PrometheusScrape() {
    }

    /**
     * The value of the series with this name whose labels include every given {@code label="value"}, or 0
     * when there is none yet (a counter not yet incremented is simply absent).
     */
    public static double value(String name, String... labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            boolean matches = true;
            for (String label : labels) {
                matches &= line.contains(label);
            }
            if (matches) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
