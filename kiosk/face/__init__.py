"""Face matching against the card's chip photo, liveness and guidance, and 照合番号B from the card face.

dlib, face_recognition_models and RapidOCR are imported only here, and only when first used.
"""
