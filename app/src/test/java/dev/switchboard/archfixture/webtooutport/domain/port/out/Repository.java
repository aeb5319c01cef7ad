package dev.switchboard.archfixture.webtooutport.domain.port.out;

public interface Repository {
    void save(String thing);
}
