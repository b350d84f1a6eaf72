package vn.cantho.ioc.store.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    @Test
    void tokens_are_prefixed_256_bit_base64url_strings_and_never_repeat() {
        // When
        SecureRandom random = new SecureRandom();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(TokenService.generate(random));
        }

        // Then
        assertThat(tokens).hasSize(1000).allMatch(t -> t.matches("ioc_[A-Za-z0-9_-]{43}"));
    }

    @Test
    void the_stored_hash_is_the_sha256_of_the_token() {
        assertThat(HexFormat.of().formatHex(TokenService.hash("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void roles_have_stable_lower_case_ids() {
        assertThat(TokenRole.of("department")).isEqualTo(TokenRole.DEPARTMENT);
        assertThat(TokenRole.ADMIN.id()).isEqualTo("admin");
    }
}
