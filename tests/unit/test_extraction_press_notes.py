"""The engine reads the habits of district press notes: run-on sentences, lists of departments
with members the directory does not know, regional titles, subheadings and news datelines."""

from datetime import date

import pytest

from tracker.extraction import extract
from tracker.extraction.normalize import fold

MEETING = date(2026, 6, 4)


def _one(text, **kwargs):
    found = extract(text, meeting_date=MEETING, **kwargs)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


def _codes(candidate):
    return {a.department for a in candidate.assignees}


def test_a_run_on_sentence_gives_each_chair_clause_its_own_directive():
    text = ("जिला पूर्ति अधिकारी को निर्देशित किया कि सभी दुकानों पर स्टॉक बोर्ड लगवाना सुनिश्चित करें, "
            "जिलाधिकारी ने नगर पालिका परिषद को निर्देशित किया कि नालों की सफाई 15 जून तक करा ली जाए।")
    first, second = extract(text, meeting_date=MEETING)
    assert "स्टॉक बोर्ड" in first.text and "नालों" not in first.text
    assert _codes(first) == {"FOOD_SUPPLY"} and first.due_date is None
    assert second.text.startswith("जिलाधिकारी ने नगर पालिका")
    assert _codes(second) == {"URBAN_DEV"} and second.due_date == date(2026, 6, 15)
    assert text[second.start:second.end] == second.text


def test_a_second_directive_after_a_finished_one_is_cut_off():
    text = ("उन्होंने राजस्व प्रकरणों का निराकरण समय पर करने के निर्देश दिए एवं सभी विभाग के अधिकारियों को "
            "आवेदन निर्धारित अवधि में निपटाने कहा।")
    first, second = extract(text, meeting_date=MEETING)
    assert not first.all_departments and not first.assignees
    assert second.all_departments and second.text.startswith("सभी विभाग")


def test_orders_in_a_list_are_one_each_and_a_purpose_stays_with_the_last():
    text = ("जिलाधिकारी ने निर्देश दिए कि सर्वे पूरा करें, सूची बनाएं एवं बच्चों का नामांकन कराएं, "
            "ताकि कोई बच्चा छूटे नहीं।")
    found = extract(text, meeting_date=MEETING)
    assert [c.text for c in found] == ["जिलाधिकारी ने निर्देश दिए कि सर्वे पूरा करें", "सूची बनाएं",
                                       "एवं बच्चों का नामांकन कराएं, ताकि कोई बच्चा छूटे नहीं।"]


@pytest.mark.parametrize(
    ("text", "parts", "codes", "dues"),
    [
        ("उन्होंने नगर पालिका परिषद को निर्देश दिए कि मुख्य मार्गों से अतिक्रमण हटवाएं तथा "
         "नालियों की सफाई 20 जून तक कराएं।",
         ["अतिक्रमण हटवाएं", "नालियों की सफाई"], [{"URBAN_DEV"}, {"URBAN_DEV"}],
         [None, date(2026, 6, 20)]),
        # the office the list is sent to receives it; the order is still the Labour Department's
        ("श्रम विभाग ढाबों पर अभियान चलाए तथा मुक्त कराए गए बच्चों की सूची जिला प्रोबेशन अधिकारी "
         "को उसी दिन उपलब्ध कराए।",
         ["अभियान चलाए", "बच्चों की सूची"], [{"LABOUR"}, {"LABOUR"}], [None, None]),
        ("The repair of the embankment should be completed within a week and action should also "
         "be taken against the contractor responsible for the breach.",
         ["embankment", "against the contractor"], [set(), set()], [date(2026, 6, 11), None]),
        ("The Collector directed the Executive Engineer, PWD to repair the culvert and also asked "
         "him to submit a report on all damaged bridges by June 15.",
         ["culvert", "damaged bridges"], [{"PWD"}, {"PWD"}], [None, date(2026, 6, 15)]),
    ],
)
def test_clauses_with_an_order_each_are_one_directive_each(text, parts, codes, dues):
    found = extract(text, meeting_date=MEETING)
    assert len(found) == len(parts), [c.text for c in found]
    for candidate, words, expected, due in zip(found, parts, codes, dues, strict=True):
        assert words in candidate.text
        assert text[candidate.start:candidate.end] == candidate.text
        assert _codes(candidate) == expected
        assert candidate.due_date == due


@pytest.mark.parametrize(
    "text",
    [
        "जिलाधिकारी ने कृषि विभाग को योजनाएं बनाने एवं उन्हें इसी वर्ष अमल में लाने के निर्देश दिए।",
        "जिलाधिकारी ने सीसीटीवी लगाने, विशेष सफाई कराने तथा अवैध वाहनों को हटाने के निर्देश दिए।",
        "The Deputy Commissioner directed the officers to expedite the pending works and ensure "
        "the quality of construction.",
        "The BDOs shall survey the villages and submit the list of eligible families.",
        "Replies have been sent to the departments, he said, and added that the officials should "
        "submit the details of vacant posts by June 20.",
    ],
)
def test_tasks_joined_under_one_order_stay_one_directive(text):
    assert _one(text).text == text


def test_a_list_of_departments_keeps_members_the_directory_does_not_know():
    text = ("उन्होंने पीडब्ल्यूडी, चिकित्सा एवं स्वास्थ्य, सिंचाई विभाग, पुलिस, रेशम, पशुपालन विभाग एवं "
            "नगरीय निकाय के अधिकारियों को कंट्रोल रूम चालू रखने के निर्देश दिए।")
    found = _one(text)
    assert _codes(found) == {"PWD", "HEALTH", "IRRIGATION", "POLICE", "ANIMAL_HUSBANDRY",
                             "URBAN_DEV", None}
    assert [a.mention for a in found.assignees if a.department is None] == ["रेशम"]


def test_a_list_of_bare_names_in_english_ends_on_departments():
    text = ("The Deputy Commissioner directed the officers of the Revenue, Health, Police, "
            "Fisheries and Sericulture departments to keep their control rooms open.")
    found = _one(text)
    assert _codes(found) == {"REVENUE", "HEALTH", "POLICE", "FISHERIES", None}


def test_two_names_and_a_comma_are_not_a_list():
    found = _one("जिलाधिकारी ने कहा कि गांव, मोहल्ला एवं बाजार के अधिकारियों को सूचना देकर सफाई कराई जाए।")
    assert not any(a.mention in ("गांव", "मोहल्ला") for a in found.assignees)


@pytest.mark.parametrize(("text", "code"), [
    ("सभी उपखण्ड अधिकारियों को निर्देशित किया गया कि निरीक्षण करें।", "REVENUE"),
    ("सभी प्रखंड विकास पदाधिकारी को निर्देश दिया गया कि सूची भेजें।", "RURAL_DEV"),
    ("अंचल अधिकारी को निर्देश दिया गया कि अतिक्रमण हटाएं।", "REVENUE"),
    ("जिला कृषि पदाधिकारी को निर्देश दिया गया कि बीज का वितरण करें।", "AGRICULTURE"),
    ("यूपीपीसीएल के अधिशासी अभियंता को निर्देश दिया कि संयोजन जारी करें।", "POWER"),
    ("जिलाधिकारी ने मत्स्य विभाग को निर्देश दिए कि तालाबों का सर्वे करें।", "FISHERIES"),
    ("Officers of the B&R department were directed to repair the approach roads.", "PWD"),
])
def test_regional_titles_and_offices(text, code):
    assert code in _codes(_one(text))


def test_a_committee_or_task_force_addressed_is_an_office_to_map():
    found = _one("जिलाधिकारी ने टास्क फोर्स को निर्देश दिए कि ढाबों पर सत्यापन कराया जाए।")
    assert [(a.mention, a.department) for a in found.assignees] == [("टास्क फोर्स", None)]
    found = _one("उन्होंने जिला स्वच्छता समिति को निर्देशित किया कि रिपोर्ट ली जाए।")
    assert [a.mention for a in found.assignees] == ["जिला स्वच्छता समिति"]


def test_old_font_conversions_and_rajasthani_forms_are_read():
    assert _one("यदि बच्चा मिले तो उसके पुनर्वास की व्यवस्था सुनिश्चित करंे।")
    assert _one("उपखण्ड अधिकारियों को निर्देशित किया गया कि समिति का गठन किया जावे।")
    folded = fold("करंे")
    assert folded.text == "करें" and folded.span(0, 4) == (0, 4)


@pytest.mark.parametrize("text", [
    "जिला कलक्टर ने हीटवेव के संबंध में संबंधित अधिकारियों को आवश्यक दिशा-निर्देश दिए।",
    "कलेक्टर ने विभागवार समीक्षा करते हुए निम्नलिखित निर्देश दिए:",
    "The Collector gave necessary directions to the officers concerned.",
    "In its meeting on May 4, the sub-committee had asked the department to prepare a plan.",
    # a topic only, what was said before told again, a warning with nothing to do in it
    "बैठक में कलेक्टर ने 20 जून को योग दिवस मनाने के संबंध में आवश्यक निर्देश दिए।",
    "तहसील सभागार में सोमवार को हुई बैठक में उन्होंने अधिकारियों को यह निर्देश दिए।",
    "बैठक में उपायुक्त ने अफसरों को हिदायत देते हुए कहा कि किसी भी प्रकार की लापरवाही सहन नहीं की जाएगी।",
    "The Collector warned that any laxity in the relief work will not be tolerated.",
])
def test_what_only_looks_like_a_directive(text):
    assert extract(text, meeting_date=MEETING) == []


def test_necessary_directions_with_their_content_still_count():
    found = _one("उन्होंने अधिकारियों को आवश्यक निर्देश दिए कि सभी नाले 20 जून तक साफ कराएं।")
    assert found.due_date == date(2026, 6, 20)
    found = _one("उन्होंने निर्देश दिए कि नालों की सफाई 15 जून तक पूरी करें, लापरवाही सहन नहीं की जाएगी।")
    assert found.due_date == date(2026, 6, 15)
    assert len(extract("उन्होंने अधिकारियों को यह निर्देश दिए कि सभी शिकायतें निपटाएं।",
                       meeting_date=MEETING)) == 1


def test_the_deadline_is_read_in_the_clause_directed_not_before_it():
    found = _one("अप्रैल माह तक 40 प्रतिशत लक्ष्य के सापेक्ष कम उपलब्धि पर अधिकारियों को निर्देश दिए कि "
                 "जुलाई माह के अंत तक शत-प्रतिशत उपलब्धि सुनिश्चित करें।")
    assert found.due_date == date(2026, 7, 31)
    found = _one("अधिकारियों को 30 जून तक सर्वे पूर्ण करने के निर्देश दिए।")
    assert found.due_date == date(2026, 6, 30)


def test_a_news_dateline_is_not_a_deadline():
    found = _one("Bhopal, Jun 9 (PTI) The Chief Secretary directed all departments to fill the "
                 "vacant posts.")
    assert found.due_date is None and found.all_departments


def test_a_subheading_repeating_the_paragraph_is_not_a_directive():
    text = ("नावों की सूची तैयार करें\n"
            "उन्होंने तहसीलदारों को निर्देश दिए कि गांवों में उपलब्ध नावों की सूची तैयार करें।")
    found = _one(text)
    assert found.text.startswith("उन्होंने") and _codes(found) == {"REVENUE"}


@pytest.mark.parametrize("text", [
    "He asked the Departments to do a study of the projects taken up. He asked the Departments "
    "to list their assets.",
    "Chairing the meeting, the Chief Secretary asked all Administrative Secretaries to clear the "
    "audit paras.",
    "Departments must keep themselves in readiness for the floods.",
])
def test_departments_in_general_are_all_departments(text):
    found = extract(text, meeting_date=MEETING)
    assert found and all(c.all_departments for c in found)


def test_a_sentence_ends_after_taken_up():
    found = extract("Work on the embankment was taken up. The Irrigation department was asked to "
                    "finish it.", meeting_date=MEETING)
    assert [c.text for c in found] == ["The Irrigation department was asked to finish it."]


def test_directions_issued_and_an_office_directed_in_one_sentence():
    first, second = extract(
        "Directions have also been issued to check the weighing scales and the district "
        "collectors have also been directed to hold weekly reviews.", meeting_date=MEETING)
    assert "weighing scales" in first.text and not first.assignees
    assert _codes(second) == {"REVENUE"}


def test_a_quoted_order_is_a_directive():
    found = _one('"Review each pending file and fix responsibility" the Chief Secretary told the '
                 'Administrative Secretaries.')
    assert found.all_departments


@pytest.mark.parametrize("text, code, due", [
    ("जिलाधिकारी ने लोक निर्माण विभाग को पुलिया की मरम्मत के लिए 10 दिन का समय दिया।",
     "PWD", date(2026, 6, 14)),
    ("उन्होंने अधिशासी अभियंता सिंचाई को नहरों की सफाई हेतु दो सप्ताह की मोहलत दी।",
     "IRRIGATION", date(2026, 6, 18)),
    ("The Collector gave a deadline of 12 days to the PWD to repair the culverts.",
     "PWD", date(2026, 6, 16)),
    ("A time limit of one week was set for the Municipal Corporation to lift the debris.",
     "URBAN_DEV", date(2026, 6, 11)),
])
def test_a_deadline_given_is_a_directive_due_at_its_end(text, code, due):
    found = _one(text)
    assert _codes(found) == {code}
    assert found.due_date == due


def test_a_time_given_to_speak_is_not_a_directive():
    assert extract("अध्यक्ष ने सभी सदस्यों को अपनी बात रखने का समय दिया।", meeting_date=MEETING) == []


def test_what_ought_not_to_happen_is_a_directive():
    text = "जिलाधिकारी ने कहा कि छात्रवृत्ति के भुगतान में किसी भी स्तर पर देरी नहीं होनी चाहिए।"
    assert _one(text).text == text


def test_what_ought_to_have_happened_is_a_report():
    text = "बैठक में बताया गया कि अब तक 60 प्रतिशत भुगतान होना चाहिए था, जबकि 40 प्रतिशत ही हुआ।"
    assert extract(text, meeting_date=MEETING) == []


def test_what_the_chair_stressed_others_would_do_is_a_directive():
    text = ("The Chief Secretary stressed that the Deputy Commissioners would personally "
            "inspect the relief camps in their districts.")
    found = _one(text)
    assert _codes(found) == {"REVENUE"}


def test_what_the_chair_stressed_a_scheme_would_do_is_not():
    text = "The Chief Secretary stressed that the new scheme would benefit small growers."
    assert extract(text, meeting_date=MEETING) == []


def test_a_bare_subjunctive_follows_a_directive():
    text = ("The Deputy Commissioner directed the Tehsildars to finish the crop survey. "
            "Village-wise details of the damage be submitted within ten days.")
    first, second = extract(text, meeting_date=MEETING)
    assert _codes(first) == {"REVENUE"}
    assert second.text.startswith("Village-wise") and second.due_date == date(2026, 6, 14)


@pytest.mark.parametrize("text", [
    "The land may be allotted only after the survey, the officer said in reply.",
    "He told the meeting that the road will be opened to traffic soon.",
])
def test_a_possibility_or_an_announcement_is_not_a_bare_subjunctive(text):
    assert extract(text, meeting_date=MEETING) == []


def test_work_done_in_a_relative_clause_keeps_the_directive():
    text = ("The BDOs shall get the works which have been completed under MGNREGA geo-tagged "
            "by 20 June.")
    found = _one(text)
    assert _codes(found) == {"RURAL_DEV"} and found.due_date == date(2026, 6, 20)


def test_a_list_including_other_agencies_addresses_every_member():
    text = ("जल निगम, लोक निर्माण विभाग सहित अन्य कार्यदायी संस्थाओं द्वारा खोदी गई सड़कों की मरम्मत "
            "30 जून तक पूर्ण कराई जाए।")
    found = _one(text)
    assert _codes(found) == {"JAL_NIGAM", "PWD", None}
    assert [a.mention for a in found.assignees if a.department is None] == ["कार्यदायी संस्थाओं"]


def test_an_unknown_acronym_named_by_its_staff_is_an_office_to_map():
    found = _one("HPCL officials were asked to shift the pipeline away from the school wall.")
    assert [(a.mention, a.department) for a in found.assignees] == [("HPCL officials", None)]


def test_a_known_acronym_named_by_its_staff_is_its_department():
    found = _one("PWD engineers were asked to shift the electric poles from the school wall.")
    assert _codes(found) == {"PWD"}


def test_a_sentence_going_on_with_the_directive_before_takes_its_addressee():
    text = ("उपायुक्त ने जिला परिवहन पदाधिकारी को निर्देश देते हुए कहा कि दुर्घटना बहुल स्थलों की सूची "
            "बनाएं। हेलमेट जांच अभियान हर सप्ताह चलाया जाए। स्कूली वाहनों की फिटनेस जांच सुनिश्चित करें।")
    found = extract(text, meeting_date=MEETING)
    assert len(found) == 3
    assert all(_codes(c) == {"TRANSPORT"} for c in found)
    assert "directive before" in found[2].reason


def test_no_addressee_is_carried_into_another_paragraph_or_past_a_named_office():
    text = ("जिलाधिकारी ने अधिशासी अभियंता सिंचाई को तटबंधों की मरम्मत के निर्देश दिए।\n\n"
            "राहत शिविरों में पेयजल की व्यवस्था की जाए।\n"
            "बैठक में जिला पूर्ति अधिकारी ने बताया कि राशन का भंडारण पूरा है। नावों की सूची तैयार की जाए।")
    first, second, third = extract(text, meeting_date=MEETING)
    assert _codes(first) == {"IRRIGATION"}
    assert not second.assignees and not third.assignees


def test_english_continues_with_they_and_the_officer():
    text = ("The Deputy Commissioner asked the Executive Engineer, PWD to repair the culvert. "
            "He also asked the officer to send the estimate by the end of the week. "
            "They will have to finish the work on or before 30 June.")
    first, second, third = extract(text, meeting_date=MEETING)
    assert _codes(first) == _codes(second) == _codes(third) == {"PWD"}
    assert third.due_date == date(2026, 6, 30)


def test_an_office_worked_with_or_through_is_not_addressed():
    found = _one("The Station House Officer, in coordination with the Forest Department and RPF, "
                 "shall keep a watch on the waterfall trail.")
    assert _codes(found) == {"POLICE"}


@pytest.mark.parametrize("text", [
    "उन्होंने बाढ़ चौकियों की सूची बनाने के निर्देश दिएl जिलाधिकारी ने उप जिलाधिकारियों को "
    "नावों की व्यवस्था करने के निर्देश दिएl",
    "उन्होंने बाढ़ चौकियों की सूची बनाने के निदेश दिया। उप जिलाधिकारियों को नावों की व्यवस्था "
    "करने का निदेश दिया गया।",
])
def test_a_latin_l_for_the_danda_and_the_bihar_spelling_are_read(text):
    first, second = extract(text, meeting_date=MEETING)
    assert not first.assignees and _codes(second) == {"REVENUE"}


def test_directions_given_to_offices_named_between():
    found = _one("बैठक में डीएम ने गेहूं क्रय का निर्देश डिप्टी आरएमओ व एआर कोऑपरेटिव को दिया।")
    assert _codes(found) == {"FOOD_SUPPLY", "COOPERATIVE"}


@pytest.mark.parametrize(("text", "code"), [
    # a blank line inside a sentence from a PDF
    ("The Deputy Commissioner asked the Executive Engineer, Irrigation to complete the\n\n"
     "repair of all embankments before the monsoon.", "IRRIGATION"),
    # a line that goes on in lower case
    ("He directed the officers of the revenue department to keep a watchful\n"
     "eye on government land in their areas.", "REVENUE"),
])
def test_a_sentence_broken_over_lines_is_joined(text, code):
    found = _one(text)
    assert found.text == text and _codes(found) == {code}


def test_a_full_stop_without_a_space_still_ends_the_sentence():
    text = ("The meeting was attended by the SDMs and other members.The DC directed the "
            "Traffic Police to remove illegal parking from the bus stand.")
    found = _one(text)
    assert found.text.startswith("The DC directed") and _codes(found) == {"POLICE"}


def test_a_summary_repeated_by_the_body_is_proposed_once_from_the_body():
    body = ("जिला विकास अधिकारी ने समस्त बाल विकास परियोजना अधिकारियों को निर्देश दिए कि पोषण ट्रैकर "
            "की फीडिंग 20 जून तक पूरी कर ली जाए।")
    text = body.replace("पोषण ट्रैकर", "पोषण-ट्रैकर") + "\n\nबरेली। " + body
    found = _one(text)
    assert found.start > len(body) and found.due_date == date(2026, 6, 20)


def test_a_past_date_is_never_the_deadline():
    found = _one("The DMs should report the spending up to April, 2026 by 15th July, 2026.")
    assert found.due_date == date(2026, 7, 15)


@pytest.mark.parametrize("text", [
    "All officers were directed to upload the accident data on the portal immediately after "
    "each road accident.",
    "The Collector said officers should immediately reach the spot where a fire is reported.",
])
def test_immediately_after_an_event_is_a_response_time(text):
    assert _one(text).due_date is None


def test_officials_in_general_under_an_obligation_give_a_directive():
    found = _one("The Collector said that officials should respond to public grievances "
                 "within a week.")
    assert found.due_date == date(2026, 6, 11) and not found.assignees


@pytest.mark.parametrize("mention, code", [
    ("Dy. Collector", "REVENUE"), ("Mamlatdars", "REVENUE"), ("MPDOs", "RURAL_DEV"),
    ("MPOs", "PANCHAYATI_RAJ"), ("WRD", "IRRIGATION"), ("पथ निर्माण विभाग", "PWD"),
    ("ग्रामीण कार्य विभाग", "RURAL_ENGG"), ("सिंचाई निर्माण खंड", "IRRIGATION"), ("APDCL", "POWER"),
])
def test_regional_titles_are_known(mention, code):
    found = _one(f"The Collector directed the {mention} to submit the report.")
    assert _codes(found) == {code}


@pytest.mark.parametrize("text, office", [
    ("The Deputy Commissioner directed the heads of the procurement agencies to lift the paddy "
     "from the mandis.", "procurement agencies"),
    ("He asked the managers of all the rice mills to take delivery of the paddy.",
     "rice mills"),
])
def test_an_office_in_lower_case_named_by_its_staff_is_an_office_to_map(text, office):
    found = _one(text)
    assert [(a.mention, a.department) for a in found.assignees] == [(office, None)]


def test_any_causative_in_the_polite_form_is_a_directive_but_a_plural_noun_is_not():
    found = _one("उपायुक्त ने कहा कि अधिकारी लंबित घोषणाओं को जल्द से जल्द सिरे चढ़ाएं।")
    assert not found.assignees
    assert extract("बैठक में विभिन्न विभागों की नई योजनाएं।", meeting_date=MEETING) == []


def test_items_lettered_inside_a_decision_are_directives_of_their_own():
    text = ("4. Crop residue: After discussion it was decided that – (a) the SDMs shall form "
            "village teams to stop the burning of straw; (b) the Agriculture Department will "
            "hold awareness camps in every block by 20th June; and (c) the Police will register "
            "cases against repeat offenders.")
    found = extract(text, meeting_date=MEETING)
    assert [_codes(c) for c in found] == [{"REVENUE"}, {"AGRICULTURE"}, {"POLICE"}]
    assert found[0].text.startswith("the SDMs") and found[0].text.endswith("burning of straw")
    assert found[1].due_date == date(2026, 6, 20) and found[2].text.endswith("offenders.")
    for c in found:
        assert text[c.start:c.end] == c.text


def test_lettered_items_take_the_office_the_words_before_them_address():
    found = extract("The Deputy Commissioner directed the Health Department to (a) trace the "
                    "contacts of every case; (b) open fever clinics in all PHCs.",
                    meeting_date=MEETING)
    assert [_codes(c) for c in found] == [{"HEALTH"}, {"HEALTH"}]
    hindi = extract("बैठक में निर्णय लिया गया कि (क) सभी बीडीओ पंचायतों में शिविर लगाएंगे; (ख) श्रम "
                    "विभाग 15 दिन में सर्वे पूरा करेगा।", meeting_date=MEETING)
    assert [_codes(c) for c in hindi] == [{"RURAL_DEV"}, {"LABOUR"}]
    assert hindi[1].due_date == date(2026, 6, 19)


def test_an_action_line_after_lettered_items_is_for_every_item():
    found = extract("It was decided that (a) a survey of the brick kilns will be completed; "
                    "(b) the rescued children will be enrolled in schools. (Action: All DCs)",
                    meeting_date=MEETING)
    assert [_codes(c) for c in found] == [{"REVENUE"}, {"REVENUE"}]


def test_letters_that_refer_to_items_are_no_list():
    text = "The members were asked to see the proposals at (a) and (b) above before voting."
    assert len(extract(text, meeting_date=MEETING)) == 1


def test_abbreviations_listed_beside_a_known_department_are_offices_to_map():
    found = _one("The DC directed the Traffic Police, and NHAI to remove the encroachments.")
    assert [(a.mention, a.department) for a in found.assignees] == [
        ("Traffic Police", "POLICE"), ("NHAI", None)]
    found = _one("The Deputy Commissioner asked PWD, BSNL and HPSEBL to clear the debris.")
    assert [a.mention for a in found.assignees] == ["PWD", "BSNL", "HPSEBL"]
    # "GM, DIC" is the general manager of the district industries centre, not a list
    found = _one("The GM, DIC was asked to identify the artisans.")
    assert [a.mention for a in found.assignees] == ["DIC"]


def test_a_short_hindi_verb_before_a_latin_full_stop_ends_the_sentence():
    found = extract("बैठक में योजनाओं की समीक्षा की गई. सभी अधिकारी अगली बैठक में उपस्थित रहें।",
                    meeting_date=MEETING)
    assert [c.text for c in found] == ["सभी अधिकारी अगली बैठक में उपस्थित रहें।"]
    # initials still do not end it
    assert len(extract("श्री ए.के. सिंह ने सभी विभागों को रिपोर्ट भेजने के निर्देश दिए।",
                       meeting_date=MEETING)) == 1


@pytest.mark.parametrize("text, code", [
    ("The Mines and Geology Department was asked to check the quarries.", "MINING"),
    ("The District Election Officer directed the AROs to complete the polling station survey.",
     "ELECTION"),
    ("जिला निर्वाचन अधिकारी ने सभी सेक्टर मजिस्ट्रेट को मतदान केंद्रों का निरीक्षण करने के निर्देश दिए।",
     "ELECTION"),
])
def test_mining_and_election_offices(text, code):
    assert _codes(_one(text)) == {code}


def test_the_bihar_district_head_directing_through_dwara_is_the_chair():
    found = _one("जिला पदाधिकारी द्वारा भवन निर्माण विभाग को छात्रावास की मरम्मत एक माह के अन्दर पूर्ण करने "
                 "हेतु निदेशित किया गया।")
    assert _codes(found) == {"PWD"} and found.due_date == date(2026, 7, 4)


def test_an_engineer_of_a_division_of_a_department_takes_the_department():
    found = _one("मंत्री ने जल संसाधन विभाग के गंडक कार्य प्रमंडल के कार्यपालक अभियंता को तटबंध की निगरानी "
                 "करने का निर्देश दिया।")
    assert _codes(found) == {"IRRIGATION"}


def test_a_hindi_sentence_that_opens_by_adding_to_the_one_before_keeps_its_addressee():
    first, second = extract("उन्होंने जिला पूर्ति अधिकारी को राशन वितरण की जांच करने का निर्देश दिया। "
                            "साथ ही गोदामों में भंडारण की व्यवस्था ठीक रखने का निर्देश दिया।",
                            meeting_date=MEETING)
    assert _codes(first) == _codes(second) == {"FOOD_SUPPLY"}
    assert "the directive before" in second.reason


def test_a_full_stop_left_out_after_a_finished_directive_still_parts_two_directives():
    found = extract("कलेक्टर ने भवनों के कार्य 20 जून तक पूर्ण करने को कहा आंगनबाड़ी केंद्रों में पेयजल के कार्य "
                    "बरसात से पहले पूर्ण करने के निर्देश दिए।", meeting_date=MEETING)
    assert len(found) == 2
    assert found[0].due_date == date(2026, 6, 20) and found[1].text.startswith("आंगनबाड़ी")


@pytest.mark.parametrize("text", [
    "उन्होंने कहा कि नगर निगम और ग्रामीण क्षेत्रों में पानी की अतिरिक्त सप्लाई की व्यवस्था करें।",
    "उन्होंने कहा कि 10 जून को जिला पंचायत सभागार में प्रशिक्षण आयोजित करें।",
    "Chairing a meeting of the District Disaster Management Authority, the DC instructed officials "
    "to store drinking water.",
    "The Chief Secretary directed that the revival of posts in various departments be taken up "
    "with the Government of India.",
])
def test_a_body_named_as_a_place_or_a_forum_is_not_addressed(text):
    found = _one(text)
    assert not found.assignees and not found.all_departments


def test_help_to_be_taken_from_an_office_does_not_address_it():
    found = _one("उन्होंने निर्देश दिए कि अतिक्रमण हटाने के लिए पुलिस बल का सहयोग लें।")
    assert not found.assignees


def test_a_subheading_that_sums_up_the_paragraph_before_is_not_a_directive():
    text = ("मंत्री ने कहा कि जलभराव रोकने के लिए नालों की सफाई तुरंत कराई जाए।\n"
            "मंत्री ने जलभराव रोकने के लिए नालों की सफाई के निर्देश दिए\n"
            "बैठक में लोक निर्माण विभाग और नगर निगम के अधिकारी उपस्थित रहे।")
    found = extract(text, meeting_date=MEETING)
    assert [c.text for c in found] == ["मंत्री ने कहा कि जलभराव रोकने के लिए नालों की सफाई तुरंत कराई जाए।"]


@pytest.mark.parametrize("text", [
    "Enough beds and oxygen cylinders need to be readied in every hospital, he said.",
    "The Collector also called for evaluation of the bridges on the district roads.",
])
def test_an_english_obligation_in_the_passive_or_a_task_called_for_is_a_directive(text):
    assert len(extract(text, meeting_date=MEETING)) == 1


def test_a_need_that_was_past_or_a_meeting_called_for_is_not_a_directive():
    assert extract("The heavy rainfall had to be factored in, he said.", meeting_date=MEETING) == []
    assert extract("He called for a meeting of the officers.", meeting_date=MEETING) == []


@pytest.mark.parametrize("text", [
    "Secretaries should ensure that every file is moved within three days.",
    "The Chief Secretary asked the secretaries to speed up expenditure.",
    "The Chief Minister directed the DCs and departments to restore the roads.",
    "Depts. should also prepare a brief profile and submit it to the government, he added.",
])
def test_the_secretaries_and_departments_in_general_are_all_departments(text):
    assert _one(text).all_departments


def test_village_secretaries_are_not_all_departments():
    found = _one("The BDO asked the village secretaries to update the registers.")
    assert not found.all_departments


def test_a_sentence_that_only_dates_the_one_before_gives_it_its_deadline():
    found = _one("Silt in the drains near the market should be removed. This should be completed "
                 "before June 25, the Collector said.")
    assert found.due_date == date(2026, 6, 25)


@pytest.mark.parametrize("text, due", [
    ("The DCs were directed to watch the rivers in the next crucial 72 hours.", date(2026, 6, 7)),
    ("Gram sabhas should also be held in the villages for the next two-three days.",
     date(2026, 6, 7)),
])
def test_the_next_hours_or_days_and_a_range_of_days(text, due):
    assert _one(text).due_date == due


def test_departments_named_after_like_are_addressed_instead_of_all():
    found = _one("He instructed that fodder and food be stocked by the concerned departments like "
                 "PHE, Food and Civil Supplies and Veterinary Department.")
    assert _codes(found) == {"JAL_NIGAM", "FOOD_SUPPLY", "ANIMAL_HUSBANDRY"}
    assert not found.all_departments


def test_offices_met_with_are_not_addressed_and_a_purpose_does_not_cut_the_sentence():
    found = _one("The Chief Minister directed the Divisional Commissioner to hold meetings with "
                 "the Secretary, Health, and Municipal Corporation officials for effective action "
                 "to control dengue.")
    assert _codes(found) == {"REVENUE"}


def test_work_done_in_a_clause_before_the_one_directed_does_not_cancel_it():
    found = _one("Replies have been sent to the departments, he said, and added that the "
                 "officials should submit the details of vacant posts by June 20.")
    assert found.due_date == date(2026, 6, 20)


def test_offices_listed_with_their_titles_of_and_short_names_in_a_list():
    found = _one("Tahsildars, executive officers of taluk panchayats and heads of local bodies "
                 "were directed to monitor the water supply.")
    assert _codes(found) == {"REVENUE", "RURAL_DEV", "URBAN_DEV"}
    found = _one("उन्होंने विद्युत, पुलिस, वन, जल शक्ति विभाग के अधिकारियों को समन्वय बनाने के निर्देश दिए।")
    assert _codes(found) == {"POWER", "POLICE", "FOREST", "JAL_NIGAM"}
    assert _codes(_one("राजस्व और पुलिस अधिकारी संयुक्त रूप से गांवों का भ्रमण करें।")) == {
        "REVENUE", "POLICE"}
    assert _codes(_one("The Fire and Rescue Service should keep the boats ready.")) == {"FIRE"}


def test_the_date_of_a_meeting_still_to_be_held_is_the_deadline_to_prepare_for_it():
    found = _one("उन्होंने सभी अधिकारियों को 12 जून को आयोजित होने वाली बैठक के लिए पूरी तैयारी के साथ "
                 "आने के निर्देश दिए।")
    assert found.due_date == date(2026, 6, 12)


def test_an_office_named_after_a_chair_is_an_office_to_map():
    found = _one("मुख्य सचिव ने कहा कि मुख्यमंत्री घोषणा सेल हर सप्ताह प्रगति की समीक्षा करे।")
    assert [a.mention for a in found.assignees] == ["मुख्यमंत्री घोषणा सेल"]


def test_orders_said_afterwards_to_have_been_given_to_an_office_go_to_it():
    text = ("झील के किनारे बने मैरिज गार्डन तत्काल बंद करवाएं। अवैध होर्डिंग दो दिन में हटाएं। "
            "यह निर्देश सोमवार को कलेक्टर ने समय सीमा की बैठक में नगर निगम सहित अन्य अफसरों को दिए।")
    found = extract(text, meeting_date=MEETING)
    assert [_codes(c) for c in found] == [{"URBAN_DEV"}, {"URBAN_DEV"}]
    assert found[1].due_date == date(2026, 6, 6)
    text = ("Encroachments on the canal banks should be removed at once. "
            "These directions were issued to the Executive Engineer, Irrigation Department.")
    assert [_codes(c) for c in extract(text, meeting_date=MEETING)] == [{"IRRIGATION"}]


def test_a_sentence_naming_the_orders_before_is_not_a_directive_of_its_own():
    text = ("शिकायतों का निपटारा समय पर किया जाए। वीडियो कॉन्फ्रेंसिंग में मुख्यमंत्री कार्यालय की ओर से "
            "अधिकारियों को यह आदेश दिए गए।")
    assert [c.text for c in extract(text, meeting_date=MEETING)] == [
        "शिकायतों का निपटारा समय पर किया जाए।"]


def test_a_run_on_sentence_that_goes_on_to_who_attended_keeps_its_directive():
    found = _one("कलेक्टर ने स्वीकृत सभी निर्माण कार्यों को 10 जून तक पूरा कर लेने के निर्देश निर्माण "
                 "एजेंसियों को दिये हैं श्री यादव आज यहाँ कलेक्ट्रेट में प्रगति की समीक्षा कर रहे थे बैठक में "
                 "अपर कलेक्टर भी मौजूद थे")
    assert [a.mention for a in found.assignees] == ["निर्माण एजेंसियों"]
    assert found.due_date == date(2026, 6, 10)


def test_the_sha_of_old_fonts_in_the_word_for_direction():
    found = _one("बैठक में उन्होंने निदेष दिया कि कार्यालय के नाम का बोर्ड जल्द से जल्द लगाया जाय।")
    assert found.reason.startswith("cue 'निदेष दिया'")
    assert fold("उप निदेषक, विशेष").text == "उप निदेशक, विशेष"


def test_a_list_of_offices_after_an_office_with_its_qualifier():
    found = _one("Setia asked officials of Public Works Department, National Highways Authority of "
                 "India and Haryana State Agricultural Marketing Board to get roads repaired.")
    assert [(a.mention, a.department) for a in found.assignees] == [
        ("Public Works Department", "PWD"), ("National Highways Authority of India", None),
        ("Haryana State Agricultural Marketing Board", None)]


@pytest.mark.parametrize("text", [
    "She asked the officials at the control room to be alert to receive calls from the public.",
    "BDOs were tasked with daily monitoring of muster rolls.",
    "He further said the authorities concerned must ensure that no vehicle is overloaded.",
    "Calling upon the officials to ensure the timely completion of projects, he said delays hurt.",
    "He also called for updating the data on sand stock across the state.",
    "Alternate arrangements for water sources should be immediately made, he said.",
])
def test_more_english_ways_of_giving_a_task(text):
    _one(text)


def test_a_list_led_by_a_review_of_the_last_meeting_and_then_new_orders_holds_orders():
    text = ("After reviewing the work stipulated in the last meeting, the Chief Minister made the "
            "following reiterations:\n"
            "1) Salary of the school staff be immediately released.\n"
            "2) 500 unemployed youth to be imparted skill training within two years.\n"
            "3) Officers of the level of Special Secretary to visit the districts once in two "
            "months.")
    found = extract(text, meeting_date=MEETING)
    assert [c.due_date for c in found] == [MEETING, date(2028, 6, 4), None]


def test_a_period_behind_the_meeting_is_no_deadline():
    found = _one("उन्होंने पिछले दो वर्षों में हुए कार्यों का सत्यापन 15 दिन में करने के निर्देश दिए।")
    assert found.due_date == date(2026, 6, 19)


@pytest.mark.parametrize("text", [
    "Databank of the schemes of all Government Departments should be prepared on priority.",
    "विभिन्न विभागों के लंबित कार्यों को समयबद्ध तरीके से पूरा करने का निर्देश दिया गया।",
])
def test_what_belongs_to_all_departments_does_not_address_them(text):
    found = _one(text)
    assert not found.all_departments


def test_the_officers_of_all_departments_are_all_departments():
    assert _one("He directed the heads of all departments to submit reports.").all_departments
    assert _one("सभी विभागों के अधिकारी रिपोर्ट दें।").all_departments


AGENDA = """**Members present:**

1. Shri A. Lal, SP CID (Crime).
2. Smt B. Deng, General Manager, RBI.

The following points were discussed.

1. **Functioning of cameras in ATMs :-**

The RBI was requested to furnish the following data :-

1. How many ATMs are installed in the State?
2. How many cameras are working?

**(Action :- RBI)**

2. **Database of cases :-**

1. It was decided that status of all cases should be compiled.
2. Previous records should be scrutinized.
3. All possible routes of the notes should be established.

**(Action: SP CID (Crime))**
"""


def test_an_action_line_of_its_own_closes_the_list_of_its_agenda_point():
    found = extract(AGENDA, meeting_date=MEETING)
    assert [c.text.split()[:3] for c in found] == [
        ["The", "RBI", "was"], ["It", "was", "decided"], ["Previous", "records", "should"],
        ["All", "possible", "routes"]]
    assert [a.mention for a in found[0].assignees] == ["RBI"]
    assert all(_codes(c) == {"POLICE"} for c in found[1:])


def test_an_action_line_right_after_an_item_is_for_that_item_only():
    text = ("1. The BSA shall enrol the children.\n(Action: BSA)\n"
            "2. The CMO shall hold health camps.\n(Action: CMO)\n")
    assert [_codes(c) for c in extract(text, meeting_date=MEETING)] == [
        {"BASIC_EDU"}, {"HEALTH"}]


def test_the_offices_told_to_act_may_stand_between_the_task_and_the_verb():
    found = _one("कलेक्टर ने नुकसान का आकलन कर आगामी सोमवार तक जानकारी प्रस्तुत करने राजस्व एवं कृषि "
                 "विभाग के अधिकारियों को कहा।")
    assert _codes(found) == {"REVENUE", "AGRICULTURE"} and found.due_date == date(2026, 6, 8)
    assert extract("उन्होंने अपने विभाग के अधिकारियों को कहा।", meeting_date=MEETING) == []


def test_a_second_order_after_while_asking_goes_to_the_offices_asked():
    text = ("The Deputy Commissioner directed the Health Department to keep medicines ready in all "
            "camps, while asking the Forest Department and the Police to take action against "
            "illegal felling.")
    first, second = extract(text, meeting_date=MEETING)
    assert _codes(first) == {"HEALTH"} and "illegal felling" not in first.text
    assert _codes(second) == {"FOREST", "POLICE"} and second.text.startswith("asking the Forest")


@pytest.mark.parametrize(
    "text",
    ["The Excise SPs were directed to intensify raids on illicit liquor units.",
     "आबकारी अधीक्षक को अवैध शराब के विरुद्ध अभियान चलाने के निर्देश दिए।"],
)
def test_an_excise_superintendent_is_excise_not_police(text):
    assert _codes(_one(text)) == {"EXCISE"}


def test_a_vowel_sign_typed_twice_is_read_once_and_kept_in_the_text():
    text = ("जिलाधिकारी ने जिला खाद्य विपणन अधिकारी सेे कहा कि क्रय केंद्रों पर रखा गेहूं बारिश में नहीं "
            "भीगना चाहिए।")
    assert fold(text).text.count("सेे") == 0
    found = _one(text)
    assert found.text == text and _codes(found) == {"FOOD_SUPPLY"}


def test_they_are_the_officers_asked_before_not_those_they_work_with():
    text = ("The DMs were asked to identify dark spots and to take action in coordination with "
            "the police. They were asked to monitor water logging spots regularly.")
    first, second = extract(text, meeting_date=MEETING)
    assert _codes(first) == {"REVENUE"}
    assert _codes(second) == {"REVENUE"}


@pytest.mark.parametrize(
    "text",
    [
        "जनपद में पानी के दुरुपयोग की रोकथाम के लिए जिलाधिकारी ने मंगलवार को जल संस्थान के अधिकारियों के "
        "साथ बैठक कर आवश्यक निर्देश दिए।",
        "जिला कलक्टर ने मंगलवार को कलेक्ट्रेट सभागार में साप्ताहिक समीक्षा बैठक लेते हुए अधिकारियों को "
        "निर्देश दिए।",
        "उन्होंने मुख्यमंत्री के प्रस्तावित दौरे को लेकर अधिकारियों को दिशा निर्देश दिए।",
        "He gave necessary directions for the smooth conduct of the fair.",
    ],
)
def test_directions_given_with_only_a_purpose_or_nothing_to_do_are_none(text):
    assert extract(text, meeting_date=MEETING) == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("उन्होंने सभी रोजगार सेवकों और पंचायत सेवकों को अपनी पंचायतों में मौजूद रहने का निर्देश दिया।",
         {"RURAL_DEV", "PANCHAYATI_RAJ"}),
        ("सार्वजनिक निर्माण विभाग के अधिकारियों को हैलीपैड निर्माण के निर्देश दिए।", {"PWD"}),
        ("कार्यपालक पदाधिकारी नगर परिषद् को शहर की साफ-सफाई कराने के निर्देश दिए।", {"URBAN_DEV"}),
        ("The labor department was instructed to prevent child labor in the brick kilns.",
         {"LABOUR"}),
        ("He directed Dy Registrar Cooperatives to submit a list of commodities in stock.",
         {"COOPERATIVE"}),
        ("The JPDCL was asked to restore the supply to the hospital.", {"POWER"}),
    ],
)
def test_regional_names_of_departments_are_known(text, codes):
    assert _codes(_one(text)) == codes


def test_an_officer_told_to_serve_a_notice_is_addressed_not_the_one_served():
    found = _one("जिला खनन पदाधिकारी को आदेश दिया गया कि बालू खनन के लिए अधिकृत ठेकेदार को अनुबंध "
                 "उल्लंघन से संबंधित नोटिस दें।")
    named = [(a.mention, a.department) for a in found.assignees]
    assert named == [("जिला खनन पदाधिकारी", "MINING")]


def test_an_afsar_the_directory_does_not_know_is_an_office_to_map():
    found = _one("वाणिज्य कर अफसर को कहा गया कि बाहर से आने वाले वाहनों की चेकिंग करें।")
    assert [(a.mention, a.department) for a in found.assignees] == [("वाणिज्य कर अफसर", None)]


def test_the_district_officers_of_various_departments_are_not_the_dms():
    found = _one("जिलाधीश ने विभिन्न विभागों के जिला अधिकारियों को हिदायत दी कि वह विकास कार्यों में तेजी "
                 "लाकर निर्धारित समय में पूरा करें।")
    assert "REVENUE" not in _codes(found)


def test_long_lines_without_a_full_stop_at_the_top_are_sentences_not_headlines():
    text = ("The Chief Minister on Wednesday instructed the district collectors to complete the "
            "works under the contingency plan to ensure drinking water supply in the summer "
            "season\n\n"
            "He asked the collectors to take suggestions from the public representatives and "
            "prepare a plan for the water-related issues of each district\n\n"
            "The chief minister said that the repair of hand pumps should be expedited.")
    found = extract(text, meeting_date=MEETING)
    assert [c.text.split()[1] for c in found] == ["Chief", "asked", "chief"]
    assert _codes(found[0]) == {"REVENUE"}


def test_a_time_of_day_or_etc_can_end_a_sentence():
    found = extract("He issued strict orders to prevent power cuts from 9 pm to 6 am. There should "
                    "be no unscheduled outages. The Energy department should keep transformers "
                    "in stock, etc. The PWD shall clear the drains.", meeting_date=MEETING)
    assert [c.text.split()[0] for c in found] == ["He", "There", "The", "The"]
    assert [_codes(c) for c in found] == [set(), set(), {"POWER"}, {"PWD"}]
    # a time inside a sentence stays inside it
    assert len(extract("The camp will open at 10 a.m. on Monday and the BDO shall attend it.")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "He stressed on holding public awareness campaigns through radio and newspapers.",
        "He also laid special emphasis on taking strict legal action against drug traffickers.",
        "Special emphasis was laid on the speedy disposal of mutation cases pending for 30 days.",
        "The Collector emphasised the need for the departments to clear the pending bills.",
    ],
)
def test_stress_laid_on_an_action_is_a_directive(text):
    _one(text)


@pytest.mark.parametrize(
    "text",
    [
        "He emphasised the importance of education for girls.",
        "The Collector stressed on the role of self-help groups in the district.",
    ],
)
def test_stress_laid_on_a_theme_is_none(text):
    assert extract(text, meeting_date=MEETING) == []


def test_all_departments_including_some_named_are_all_departments():
    found = _one("The Collector emphasised the need for all departments, including police, PWD, "
                 "Revenue, and Electricity, to operate 24/7.")
    assert found.all_departments and found.assignees == ()


def test_officials_tasked_with_a_service_to_the_public_are_addressed():
    found = _one("Officials were also tasked with inspecting lakes, monitoring their levels, and "
                 "ensuring uninterrupted water supply to the public.")
    assert "inspecting lakes" in found.text


@pytest.mark.parametrize(
    ("text", "first_end", "second_start", "codes"),
    [
        # "while" opens the second order, not the "and" inside its subject
        ("Warning boards should be installed on the roads, while dangerous bill boards and tree "
         "tops along the roads should be cleared before the monsoon.", "on the roads", "while",
         set()),
        # one office whose name holds "and"
        ("The SDRF was directed to hold mock drills in all schools, while the fire and emergency "
         "department was asked to audit the fire safety of all hospitals within a week.",
         "in all schools", "the fire", {"FIRE"}),
        # the list before "and" is the subject of the second order
        ("The officials were told to complete the sub-centre buildings in the district, "
         "similarly, the stadiums, Christian Bhavan, Haj House and the Degree College should be "
         "completed on time.", "in the district", "similarly", set()),
    ],
)
def test_an_and_inside_the_subject_of_the_second_order_is_not_where_it_starts(
        text, first_end, second_start, codes):
    first, second = extract(text, meeting_date=MEETING)
    assert first.text.endswith(first_end)
    assert second.text.startswith(second_start)
    assert _codes(second) == codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("जिलाधिकारी ने लोनिवि, पीएमजीएसवाई और एनएच को निर्देश दिए कि मार्गों पर जेसीबी रखें।",
         [("लोनिवि", "PWD"), ("पीएमजीएसवाई", None), ("एनएच", None)]),
        ("लोक निर्माण विभाग, आईपीएच और विद्युत विभाग को जेसीबी मशीनें तैयार रखने के निर्देश दिए गए।",
         [("लोक निर्माण विभाग", "PWD"), ("आईपीएच", None), ("विद्युत विभाग", "POWER")]),
    ],
)
def test_an_abbreviation_in_devanagari_listed_with_a_department_is_an_office_to_map(text,
                                                                                   expected):
    assert [(a.mention, a.department) for a in _one(text).assignees] == expected


def test_an_order_said_to_be_given_by_the_chair_after_it_is_a_directive():
    found = _one("सभी कोषांगों को अभी से कार्य प्रारंभ करने का निर्देश उपायुक्त ने दिया।")
    assert found.due_date == MEETING  # "अभी से": from now on


def test_a_hindi_stop_typed_without_a_space_ends_the_sentence():
    found = extract("दोनों अनुमंडल पदाधिकारी सभी तटबंधों का निरीक्षण करें.वर्षा जनित कटाव को चिन्हित करते हुए "
                    "प्रतिवेदन देने का निर्देश दिया गया.", meeting_date=MEETING)
    assert [c.text.split()[0] for c in found] == ["दोनों", "वर्षा"]


@pytest.mark.parametrize(
    ("text", "codes", "all_departments"),
    [
        ("उन्होंने विभाग प्रमुखों से नए कार्यों के प्रस्ताव एक सप्ताह में भेजने को कहा।", set(), True),
        ("डीएम ने सभी संबधित पदाधिकारियो को नीलाम पत्र वादों का निष्पादन करने का निर्देश दिया।", set(),
         True),
        ("उन्होंने किसान कल्याण एवं कृषि विकास विभाग को लंबित प्रकरण निपटाने के निर्देश दिए।",
         {"AGRICULTURE"}, False),
    ],
)
def test_heads_of_departments_typos_and_appointees(text, codes, all_departments):
    found = _one(text)
    assert _codes(found) == codes and found.all_departments is all_departments


def test_farmers_asked_to_use_machines_is_an_appeal():
    assert extract("उन्होंने किसानों से पराली के निपटान के लिए सब्सिडी वाली मशीनरी का उपयोग करने को "
                   "कहा।") == []


def test_the_officer_appointed_is_not_the_one_told_to_appoint():
    first, second = extract("उन्होंने मुख्य चिकित्साधिकारी को गांवों के टीकाकरण की रिपोर्ट उपलब्ध कराने को "
                            "कहा तथा इस कार्य के लिए एक नोडल अधिकारी नियुक्त करे।")
    assert _codes(first) == _codes(second) == {"HEALTH"}
    assert _codes(_one("The CMO shall designate a nodal officer for the drive.")) == {"HEALTH"}
