use super::identify;
use proptest::prelude::*;

#[test]
fn news_paragraphs() {
    let cases = [
        ("en", "The mayor said on Tuesday that the bridge would reopen after repairs to its deck were finished."),
        ("en", "Flooding forced the evacuation of two villages, officials said."),
        ("de", "Der Bürgermeister sagte am Dienstag, die Brücke werde nach der Reparatur wieder geöffnet."),
        ("de", "Nach Angaben der Polizei wurden zwei Menschen verletzt."),
        ("es", "El alcalde dijo el martes que el puente volverá a abrir cuando terminen las obras."),
        ("es", "Según la policía, dos personas resultaron heridas en el accidente."),
        ("it", "Il sindaco ha detto martedì che il ponte sarà riaperto dopo i lavori di riparazione."),
        ("it", "Secondo la polizia, due persone sono rimaste ferite nell'incidente."),
        ("nl", "De burgemeester zei dinsdag dat de brug na de reparatie weer opengaat."),
        ("nl", "Volgens de politie zijn twee mensen gewond geraakt bij het ongeluk."),
        ("fr", "Le maire a déclaré mardi que le pont rouvrirait après la fin des travaux."),
        ("fr", "Selon la police, deux personnes ont été blessées dans l'accident."),
        ("pt", "O prefeito disse na terça-feira que a ponte será reaberta após as obras."),
        ("pt", "Segundo a polícia, duas pessoas ficaram feridas no acidente."),
        ("pl", "Burmistrz powiedział we wtorek, że most zostanie otwarty po zakończeniu naprawy."),
        ("pl", "Według policji dwie osoby zostały ranne w wypadku."),
        ("ru", "Мэр заявил во вторник, что мост откроют после окончания ремонта."),
        ("uk", "Мер заявив у вівторок, що міст відкриють після завершення ремонту."),
        ("ko", "시장은 화요일 다리가 수리 후 다시 개통될 것이라고 말했다."),
        ("ja", "市長は火曜日、修理が終われば橋を再開すると述べた。"),
        ("zh", "市长周二表示，大桥将在维修完成后重新开放。"),
        ("hi", "महापौर ने मंगलवार को कहा कि मरम्मत के बाद पुल फिर से खुलेगा।"),
        ("ar", "قال رئيس البلدية يوم الثلاثاء إن الجسر سيعاد فتحه بعد الإصلاحات."),
        ("el", "Ο δήμαρχος δήλωσε την Τρίτη ότι η γέφυρα θα ανοίξει ξανά."),
    ];
    for (lang, text) in cases {
        assert_eq!(identify(text), Some(lang), "{text}");
    }
}

#[test]
fn unsure_is_none() {
    for text in ["", "   ", "2024-10-26", "12,000 / 3.5%", "—", "ok", "Путин"] {
        assert_eq!(identify(text), None, "{text:?}");
    }
}

proptest! {
    #[test]
    fn never_panics(s in any::<String>()) {
        let _ = identify(&s);
    }
}
