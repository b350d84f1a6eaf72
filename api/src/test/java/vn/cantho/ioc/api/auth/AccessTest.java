package vn.cantho.ioc.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.cantho.ioc.store.token.TokenRole;

class AccessTest {

    @Test
    void roles_grant_read_act_admin_and_the_explanation_steps_as_documented() {
        assertThat(Access.grantedTo(TokenRole.LEADER))
                .containsExactlyInAnyOrder(Access.READ, Access.REQUEST_EXPLANATION, Access.READ_EXPLANATIONS);
        assertThat(Access.grantedTo(TokenRole.OPERATOR))
                .containsExactlyInAnyOrder(Access.READ, Access.ACT, Access.READ_EXPLANATIONS);
        assertThat(Access.grantedTo(TokenRole.ADMIN)).containsExactlyInAnyOrder(Access.values());
        assertThat(Access.grantedTo(TokenRole.DEPARTMENT))
                .containsExactlyInAnyOrder(Access.READ_EXPLANATIONS, Access.ANSWER_EXPLANATION);
    }

    @Test
    void the_actor_is_the_label_with_the_token_id_so_equal_labels_stay_apart() {
        assertThat(new Principal(7, TokenRole.OPERATOR, null, "Ca trực 1").actor())
                .isEqualTo("Ca trực 1 #7");
        assertThat(new Principal(8, TokenRole.OPERATOR, null, "Ca trực 1").actor())
                .isEqualTo("Ca trực 1 #8");
    }
}
