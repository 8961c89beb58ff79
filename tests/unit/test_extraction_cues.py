"""Directive cues and the look-alikes that are not directives, in Hindi and English."""

import pytest

from tracker.extraction import extract


@pytest.mark.parametrize(
    "sentence",
    [
        "जिलाधिकारी ने निर्देश दिए कि सभी विद्यालयों में पेयजल की व्यवस्था की जाए।",
        "उन्होंने खंड विकास अधिकारी को सड़क की मरम्मत का निर्देश दिया।",
        "बेसिक शिक्षा अधिकारी को निर्देशित किया गया कि नामांकन बढ़ाएं।",
        "मुख्य विकास अधिकारी ने सभी अधिकारियों को निर्देशित किया कि सूची भेजें।",
        "जिलाधिकारी ने अवैध खनन रोकने के आदेश दिए।",
        "उन्होंने कहा कि सभी केंद्रों पर उपस्थिति पंजिका अद्यतन रखी जाए।",
        "उन्होंने कहा कि छात्रवृत्ति का भुगतान समय से सुनिश्चित करें।",
        "सभी चिकित्सा अधिकारी दवाओं की उपलब्धता सुनिश्चित करें।",
        "शिविरों की सूचना पहले से सुनिश्चित किया जाए।",
        "उन्होंने तहसीलदार को अभियान चलाने को कहा।",
        "जिलाधिकारी ने स्वयंसेवी संस्थाओं से सहयोग करने का आह्वान किया।",
        "उन्होंने विभागों से समय से काम पूरा करने की अपेक्षा की।",
        "जिलाधिकारी ने ठेकेदारों को गुणवत्ता से समझौता न करने की हिदायत दी।",
        "निर्णय लिया गया कि लोक निर्माण विभाग सड़क की मरम्मत करेगा।",
        "सभी विभाग अपनी कार्ययोजना तैयार करें।",
        "विद्युत विभाग खराब ट्रांसफार्मर बदलवाना सुनिश्चित करे।",
        "The District Magistrate directed the BSA to enrol all children.",
        "The CMO was instructed to hold camps in every block.",
        "The Chairman asked the Tehsildars to verify the records.",
        "The DDMA was requested to prepare a plan.",
        "All departments were directed to upload the data.",
        "The Executive Engineer, PWD shall repair the road.",
        "The Nagar Palika should remove the encroachments.",
        "The DSO will ensure distribution of ration in every village.",
        "The ITI principals may identify industries for tie-ups.",
        "It was agreed that the Labour Department will inspect the kilns.",
        "It was decided that the DIOS shall issue a circular.",
        "He called upon the DLSA to organise legal camps.",
        "She urged the Police Department to act against trafficking.",
        "BSA to complete the survey of children.",
        "ACTION: CMO to set up health desks.",
    ],
)
def test_cue_makes_a_directive(sentence):
    found = extract(sentence)
    assert len(found) == 1
    assert found[0].text.strip() == sentence.strip()


@pytest.mark.parametrize(
    "sentence",
    [
        "मुख्यमंत्री के निर्देशानुसार जनपद में अभियान चलाया जा रहा है।",
        "मुख्य चिकित्सा अधिकारी ने अभियान के बारे में जानकारी दी।",
        "मुख्य सचिव ने पेंशन वितरण की स्थिति के बारे में जानकारी ली।",
        "उपायुक्त ने बताया कि सर्वे पूरा हो गया है।",
        "सचिव ने बैठक को योजना की प्रगति से अवगत कराया।",
        "परियोजना निदेशक ने योजना पर प्रस्तुति दी।",
        "सभी विद्यालयों में शौचालयों का निर्माण किया जा चुका है।",
        "बैठक में सभी उपजिलाधिकारी एवं खंड विकास अधिकारी उपस्थित रहे।",
        "पिछली बैठक में दिए गए निर्देशों के अनुपालन की समीक्षा की गई।",
        "उन्होंने कहा कि इस कदम से श्रमिकों को लाभ मिलने की उम्मीद है।",
        "The CMO informed the meeting that 20 camps were held.",
        "The BSA briefed the committee on the enrolment drive.",
        "The Secretary apprised the chair of the progress.",
        "The Executive Engineer presented the status of the works.",
        "The committee reviewed the progress of the scheme.",
        "The construction of 12 centres has been completed.",
        "All the brick kilns were inspected last month.",
        "The DM, the CDO and the SP were present.",
        "The Tehsildar informed that the Government has directed all districts to act.",
        "Leave a Reply",
        "Home",
        "He urged the youth to stay away from drugs.",
    ],
)
def test_non_cue_makes_no_directive(sentence):
    assert extract(sentence) == []


def test_real_cue_wins_over_in_accordance_with():
    found = extract("मुख्यमंत्री के निर्देशानुसार जिलाधिकारी ने सभी उपजिलाधिकारियों को निर्देश दिए कि "
                    "गौशालाओं में चारे की व्यवस्था करें।")
    assert len(found) == 1
    assert [a.department for a in found[0].assignees] == ["REVENUE"]
    assert "निर्देश" in found[0].reason


def test_reason_names_the_cue():
    found = extract("The District Magistrate directed the BSA to enrol all children.")
    assert "directed" in found[0].reason
    assert "BSA" not in found[0].reason or "assignee" in found[0].reason


def test_items_under_a_directives_heading_need_no_verb():
    text = ("बैठक में निम्नलिखित निर्देश दिए गए:\n1. विद्यालयों में पेयजल की व्यवस्था।\n"
            "2. आंगनबाड़ी केंद्रों का नियमित निरीक्षण।\n\nDecisions:\n- Minutes of the last meeting "
            "were confirmed.\n- Survey of brick kilns in every block.")
    found = [c.text for c in extract(text)]
    assert found == ["विद्यालयों में पेयजल की व्यवस्था।", "आंगनबाड़ी केंद्रों का नियमित निरीक्षण।",
                     "Survey of brick kilns in every block."]


@pytest.mark.parametrize(
    "sentence",
    [
        "सभी विभागों से अपेक्षित है कि वे समय से सूचना भेजें।",
        "अगली बैठक में सभी अधिकारी अद्यतन सूचना के साथ उपस्थित रहें।",
    ],
)
def test_more_hindi_directive_forms(sentence):
    assert len(extract(sentence)) == 1


def test_headlines_in_page_lists_are_not_directives():
    text = ("• डीएम ने दिए निर्देश, अस्पतालों में दवा की कमी न हो\n"
            "• DM directs officials to speed up the survey\n\n"
            "The DC reviewed the works. He instructed all concerned to act.")
    found = extract(text)
    assert [c.text for c in found] == ["He instructed all concerned to act."]
    assert found[0].all_departments


@pytest.mark.parametrize(
    ("sentence", "department"),
    [
        ("He sought a detailed report from the Assistant Commissioner Revenue on mutations.",
         "REVENUE"),
        ("जिलाधिकारी ने जिला पूर्ति अधिकारी से इस संबंध में आख्या मांगी।", "FOOD_SUPPLY"),
    ],
)
def test_a_report_sought_is_a_directive_to_whom_it_is_sought_from(sentence, department):
    (found,) = extract(sentence)
    assert [a.department for a in found.assignees] == [department]


def test_short_action_heading_at_the_top_is_a_heading_not_a_headline():
    text = "ACTION POINTS\n1. Bank linkage of artisans [Action: LDM]\n2. Minutes were noted."
    found = extract(text)
    assert [c.text for c in found] == ["Bank linkage of artisans [Action: LDM]"]


def test_a_speaker_saying_what_should_happen_is_not_a_directive():
    assert extract("The CMO said that hospitals should have adequate stock of medicines.") == []
    (found,) = extract("The DM said that the BSA should ensure that every child is enrolled.")
    assert [a.department for a in found.assignees] == ["BASIC_EDU"]


@pytest.mark.parametrize(
    "sentence",
    [
        "जिलाधिकारी ने कहा कि सभी मतदाता अपने मताधिकार का प्रयोग अवश्य करें।",
        "The desired results were not achieved in the last quarter.",
        "Farmers asked for compensation for the damaged crops.",
    ],
)
def test_appeals_to_the_public_and_look_alikes_are_not_directives(sentence):
    assert extract(sentence) == []


def test_the_public_as_beneficiary_still_makes_a_directive():
    assert len(extract("उन्होंने कहा कि किसानों को बीज समय से उपलब्ध कराए जाएं।")) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "जिलाधिकारी ने जनसामान्य से अपील की कि वे खुले में कूड़ा न फेंकें।",
        "उन्होंने अभिभावकों से अनुरोध किया कि वे बच्चों को टीका अवश्य लगवाएं।",
        "मुख्य विकास अधिकारी ने क्षेत्रवासियों से आह्वान किया कि वे पौधरोपण में भाग लें।",
        "उन्होंने उपभोक्ताओं से अपेक्षा की कि वे बिल का भुगतान ऑनलाइन करें।",
        "Residents were urged to keep their surroundings clean.",
        "The Collector appealed to the traders to stop using plastic carry bags.",
        "Motorists are advised to wear helmets and seat belts.",
    ],
)
def test_appeals_to_the_public_with_no_office_are_not_directives(sentence):
    assert extract(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("उन्होंने नगर पालिका से अनुरोध किया कि वे सड़कों की सफाई कराएं।", ["URBAN_DEV"]),
        ("The Collector urged the Health Department to set up camps for the pilgrims.",
         ["HEALTH"]),
    ],
)
def test_an_appeal_to_an_office_is_still_a_directive(sentence, expected):
    (found,) = extract(sentence)
    assert [a.department for a in found.assignees] == expected
