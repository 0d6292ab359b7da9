#include "CRandomStreams.h"
