/* Labels in English and Arabic. The page switches with the header button; Arabic sets
 * dir="rtl" on <html> so the layout mirrors. */
window.RAML_I18N = {
  en: {
    title: "raml — conflict events from Arabic news", events_sel: "events selected",
    f_type: "Type", f_country: "Country", f_actor: "Actor", f_place: "Place", f_text: "Text",
    f_from: "From", f_to: "To", any: "any", apply: "Apply", reset: "Reset",
    export_acled: "Export ACLED CSV", export_geojson: "Export GeoJSON", list: "Events",
    brush_hint: "Drag on the timeline to choose a period.", clear_period: "Clear period",
    lang_other: "العربية", markers: "markers", groups: "groups", sampled: "first {n} shown",
    loading: "loading…", more: "{n} more — narrow the filters", no_events: "No events match.",
    evidence: "Evidence", sentence: "Sentence", type: "Type", date: "Date", place: "Place",
    actors: "Actors", killed: "Killed", injured: "Injured", arrested: "Arrested",
    modality: "Modality", attribution: "Attribution", document: "Document", publisher: "Publisher",
    cluster: "Same event in other reports", cluster_none: "Reported by this document only.",
    claims: "Casualty claims", conflicting: "Conflicting casualty claims", consistent: "Claims agree",
    reports: "{n} reports from {d} documents", trigger: "trigger", actor: "actor", num: "number",
    open_doc: "Full text", undated: "undated", unlocated: "no location"
  },
  ar: {
    title: "رَمل — أحداث النزاع من الأخبار العربية", events_sel: "حدثًا محددًا",
    f_type: "النوع", f_country: "البلد", f_actor: "الفاعل", f_place: "المكان", f_text: "نص",
    f_from: "من", f_to: "إلى", any: "الكل", apply: "تطبيق", reset: "إعادة ضبط",
    export_acled: "تصدير CSV بصيغة ACLED", export_geojson: "تصدير GeoJSON", list: "الأحداث",
    brush_hint: "اسحب على الخط الزمني لاختيار فترة.", clear_period: "إلغاء الفترة",
    lang_other: "English", markers: "علامات", groups: "مجموعات", sampled: "عرض أول {n}",
    loading: "جارٍ التحميل…", more: "{n} أخرى — ضيّق المرشحات", no_events: "لا أحداث مطابقة.",
    evidence: "الدليل", sentence: "الجملة", type: "النوع", date: "التاريخ", place: "المكان",
    actors: "الفاعلون", killed: "قتلى", injured: "جرحى", arrested: "معتقلون",
    modality: "الصيغة", attribution: "المصدر", document: "الوثيقة", publisher: "الناشر",
    cluster: "الحدث نفسه في تقارير أخرى", cluster_none: "لم يرد إلا في هذه الوثيقة.",
    claims: "أعداد الضحايا المعلنة", conflicting: "أعداد ضحايا متضاربة", consistent: "الأعداد متفقة",
    reports: "{n} تقارير من {d} وثائق", trigger: "الفعل", actor: "الفاعل", num: "عدد",
    open_doc: "النص الكامل", undated: "بلا تاريخ", unlocated: "بلا موقع"
  },
  types: {
    AGREE: ["Agree", "اتفاق"], CONSULT: ["Consult", "تشاور"], SUPPORT: ["Support", "دعم"],
    CONCEDE: ["Concede", "تنازل"], COOPERATE: ["Cooperate", "تعاون"], AID: ["Aid", "مساعدة"],
    RETREAT: ["Retreat", "انسحاب"], REQUEST: ["Request", "طلب"], ACCUSE: ["Accuse", "اتهام"],
    REJECT: ["Reject", "رفض"], THREATEN: ["Threaten", "تهديد"], PROTEST: ["Protest", "احتجاج"],
    SANCTION: ["Sanction", "عقوبات"], MOBILIZE: ["Mobilize", "تعبئة"], COERCE: ["Coerce", "إكراه"],
    ASSAULT: ["Assault", "اعتداء"]
  }
};
