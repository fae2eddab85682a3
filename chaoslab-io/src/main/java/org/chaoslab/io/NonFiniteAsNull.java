package org.chaoslab.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDecorator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;

/**
 * Generator decorator that writes NaN and infinities as JSON {@code null}. Working at the generator
 * level catches every path to a floating-point token: bean and record properties, boxed values in
 * maps and lists, primitive arrays and {@link com.fasterxml.jackson.databind.JsonNode} trees.
 */
final class NonFiniteAsNull implements JsonGeneratorDecorator {

    @Override
    public JsonGenerator decorate(JsonFactory factory, JsonGenerator generator) {
        return new Generator(generator);
    }

    private static final class Generator extends JsonGeneratorDelegate {

        Generator(JsonGenerator delegate) {
            super(delegate, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (Double.isFinite(v)) {
                super.writeNumber(v);
            } else {
                writeNull();
            }
        }

        @Override
        public void writeNumber(float v) throws IOException {
            if (Float.isFinite(v)) {
                super.writeNumber(v);
            } else {
                writeNull();
            }
        }

        @Override
        public void writeArray(double[] array, int offset, int length) throws IOException {
            writeStartArray(array, length);
            for (int i = offset; i < offset + length; i++) {
                writeNumber(array[i]);
            }
            writeEndArray();
        }
    }
}
