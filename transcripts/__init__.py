"""What Rasa keeps of conversations (runs inside the Rasa server)."""
