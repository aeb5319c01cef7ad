package dev.switchboard.adapters.web;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/** Counts the bytes of every request body the API reads, for bodies that declare no length. */
@Provider
public class BodySizeReaderInterceptor implements ReaderInterceptor {

    private final BodySizeLimit limit;

    public BodySizeReaderInterceptor(BodySizeLimit limit) {
        this.limit = limit;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(limit.limit(context.getInputStream()));
        return context.proceed();
    }
}
