package legion.authorization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MrzNamesTests {

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource({
            "Müller, DE, MUELLER", "Gößwein, DE, GOESSWEIN", "Ärzte Öztürk, DE, AERZTE<OEZTUERK",
            "Åse Ødegård, NO, AASE<OEDEGAARD", "Þórður Ægisson, IS, THORDUR<AEGISSON", "Łukasz Żółć, PL, LUKASZ<ZOLC",
            "Ñúñez, ES, NUNEZ", "Şükrü Öztürk, TR, SUKRU<OZTURK", "Jean-Luc O'Neill, FR, JEAN<LUC<ONEILL",
            "Иванов, RU, IVANOV", "Щербакова Юлия, RU, SHCHERBAKOVA<IULIIA", "Жуков Хаим, RU, ZHUKOV<KHAIM",
            "Григорий, RU, GRIGORII", "Григорій, UA, HRYHORII", "Григорович, UA, HRYHOROVYCH",
            "Олексій Ґудзь, '', OLEKSII<GUDZ", "Лукашенко Григорий, BY, LUKASHENKO<HRIHORII",
            "Παπαδόπουλος, GR, PAPADOPOULOS", "Γεώργιος Χατζής, GR, GEORGIOS<CHATZIS",
            "王秀英, CN, WANGXIUYING", "王 秀英, CN, WANG<XIUYING", "김민준, KR, GIMMINJUN", "たろう, JP, TAROU",
            "محمد, SA, MHMD", "כהן, IL, KHN", "สมชาย, TH, SMCHAY"
    })
    void transliteratesToMrzCharacters(String name, String nationality, String expected) {
        assertThat(MrzNames.transliterate(name, nationality)).isEqualTo(expected);
    }

    @Test
    void buildsNameFieldWithDoubleFillerAndPadding() {
        assertThat(MrzNames.nameField("Dent", "Arthur Philip", "GB", 31)).isEqualTo("DENT<<ARTHUR<PHILIP<<<<<<<<<<<<");
        assertThat(MrzNames.nameField("Cher", "", "FR", 10)).isEqualTo("CHER<<<<<<");
    }

    @Test
    void truncatesLongNamesToTheField() {
        String field = MrzNames.nameField("Wolfeschlegelsteinhausenbergerdorff", "Hubert Blaine", "DE", 31);

        assertThat(field).hasSize(31).isEqualTo("WOLFESCHLEGELSTEINHAUSENBERGERD");
    }

    @Test
    void rejectsSurnameWithoutAnyWritableCharacter() {
        assertThatIllegalArgumentException().isThrownBy(() -> MrzNames.nameField("123", "A", "GB", 31));
    }
}
